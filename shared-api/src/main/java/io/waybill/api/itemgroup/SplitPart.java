package io.waybill.api.itemgroup;

import java.math.BigDecimal;

/** One new lot of a split. */
public record SplitPart(String itemGroupSid, BigDecimal quantity, String uniqueName) {
}
