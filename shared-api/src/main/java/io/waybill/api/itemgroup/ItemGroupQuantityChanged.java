package io.waybill.api.itemgroup;

import java.math.BigDecimal;

public record ItemGroupQuantityChanged(String itemGroupSid, BigDecimal previousQuantity, BigDecimal quantity) implements ItemGroupEvent {
}
