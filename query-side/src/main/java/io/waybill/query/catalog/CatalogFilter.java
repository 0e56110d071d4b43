package io.waybill.query.catalog;

import io.waybill.query.support.QueryParams;
import io.waybill.query.support.Rows;

import java.math.BigDecimal;

import static io.waybill.platform.request.Decimal.Sign.NOT_NEGATIVE;

/** The filters of a catalog list, read from the query string and checked. Null means "no filter". */
record CatalogFilter(Boolean active, String type, String q, Integer itemsPerUnitMin, Integer itemsPerUnitMax,
                     BigDecimal ozPerItemMin, BigDecimal ozPerItemMax) {

    static CatalogFilter of(String active, String type, String q, String itemsPerUnitMin, String itemsPerUnitMax,
                            String ozPerItemMin, String ozPerItemMax) {
        return new CatalogFilter(QueryParams.flag("active", active), blankToNull(type), blankToNull(q),
                QueryParams.whole("itemsPerUnitMin", itemsPerUnitMin),
                QueryParams.whole("itemsPerUnitMax", itemsPerUnitMax), QueryParams.decimal("ozPerItemMin", ozPerItemMin, NOT_NEGATIVE),
                QueryParams.decimal("ozPerItemMax", ozPerItemMax, NOT_NEGATIVE));
    }

    String qPattern() {
        return Rows.containing(q);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
