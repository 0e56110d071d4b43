package io.waybill.api.itemgroup;

import java.math.BigDecimal;
import java.util.List;
/** Part of the lot's quantity moved into new lots; the quantities add up to the previous one. */
public record ItemGroupSplit(String itemGroupSid, BigDecimal previousQuantity, BigDecimal quantity, List<SplitPart> newGroups) implements ItemGroupEvent {
}
