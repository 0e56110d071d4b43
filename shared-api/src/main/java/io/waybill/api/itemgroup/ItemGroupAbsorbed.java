package io.waybill.api.itemgroup;

import java.math.BigDecimal;
/** Another lot of the same item was combined into this one. */
public record ItemGroupAbsorbed(String itemGroupSid, String sourceItemGroupSid, BigDecimal addedQuantity, BigDecimal quantity) implements ItemGroupEvent {
}
