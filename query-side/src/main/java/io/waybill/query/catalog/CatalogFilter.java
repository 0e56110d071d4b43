package io.waybill.query.catalog;

import io.waybill.api.DomainException;
import io.waybill.query.support.Rows;

import java.math.BigDecimal;

/** The filters of a catalog list, read from the query string and checked. Null means "no filter". */
record CatalogFilter(Boolean active, String type, String q, Integer itemsPerUnitMin, Integer itemsPerUnitMax,
                     BigDecimal ozPerItemMin, BigDecimal ozPerItemMax) {

    static CatalogFilter of(String active, String type, String q, String itemsPerUnitMin, String itemsPerUnitMax,
                            String ozPerItemMin, String ozPerItemMax) {
        return new CatalogFilter(flag(active), blankToNull(type), blankToNull(q),
                whole("itemsPerUnitMin", itemsPerUnitMin), whole("itemsPerUnitMax", itemsPerUnitMax),
                decimal("ozPerItemMin", ozPerItemMin), decimal("ozPerItemMax", ozPerItemMax));
    }

    String qPattern() {
        return Rows.containing(q);
    }

    private static Boolean flag(String value) {
        if (value == null) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw DomainException.invalid("active", "must be true or false");
        }
        return Boolean.valueOf(value);
    }

    private static Integer whole(String field, String value) {
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw DomainException.invalid(field, "must be a whole number");
        }
    }

    private static BigDecimal decimal(String field, String value) {
        try {
            return value == null ? null : new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw DomainException.invalid(field, "must be a decimal like 12.5");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
