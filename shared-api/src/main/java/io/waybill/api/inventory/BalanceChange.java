package io.waybill.api.inventory;

import java.math.BigDecimal;

/** What an entry did to one balance of its item at one location; the delta is signed and never zero. */
public record BalanceChange(String locationId, Bucket bucket, BigDecimal delta) {
}
