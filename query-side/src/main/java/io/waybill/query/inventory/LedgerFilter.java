package io.waybill.query.inventory;

import io.waybill.api.DomainException;
import io.waybill.api.inventory.EntryType;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The filters of a ledger list; dates are inclusive event dates. */
record LedgerFilter(String itemId, String locationId, EntryType type, String ref, LocalDate dateFrom,
                    LocalDate dateTo) {

    LedgerFilter {
        if (dateFrom != null && dateTo != null && dateFrom.isAfter(dateTo)) {
            throw DomainException.invalid("dateFrom", "must not be after dateTo");
        }
    }

    /** A date parameter ({@code YYYY-MM-DD}), or null when absent. */
    static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, "must be a date like 2026-03-31");
        }
    }
}
