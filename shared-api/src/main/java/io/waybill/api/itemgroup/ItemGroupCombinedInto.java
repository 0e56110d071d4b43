package io.waybill.api.itemgroup;

import java.math.BigDecimal;
/** This lot was combined into another; it is gone, its history stays. */
public record ItemGroupCombinedInto(String itemGroupSid, String targetItemGroupSid, BigDecimal quantity) implements ItemGroupEvent {
}
