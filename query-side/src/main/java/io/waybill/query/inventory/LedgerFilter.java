package io.waybill.query.inventory;

import io.waybill.api.DomainException;
import io.waybill.api.inventory.EntryType;

import java.time.LocalDate;

/** The filters of a ledger list; dates are inclusive event dates. */
record LedgerFilter(String itemId, String locationId, EntryType type, String ref, LocalDate dateFrom,
                    LocalDate dateTo) {

    LedgerFilter {
        if (dateFrom != null && dateTo != null && dateFrom.isAfter(dateTo)) {
            throw DomainException.invalid("dateFrom", "must not be after dateTo");
        }
    }
}
