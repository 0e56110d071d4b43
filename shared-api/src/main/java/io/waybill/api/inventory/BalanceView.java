package io.waybill.api.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;

/** An item's balances at one location, now or as of a date; available is on hand less allocated. */
public record BalanceView(ItemKind itemKind, String itemId,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String materialId,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String skuId,
                          String locationId, BigDecimal onHand, BigDecimal inTransit, BigDecimal onOrder,
                          BigDecimal demand, BigDecimal allocated, BigDecimal available) {
}
