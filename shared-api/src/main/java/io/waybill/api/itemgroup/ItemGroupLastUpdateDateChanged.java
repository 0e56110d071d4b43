package io.waybill.api.itemgroup;

import java.time.Instant;

public record ItemGroupLastUpdateDateChanged(String itemGroupSid, Instant previousLastUpdateDate, Instant lastUpdateDate) implements ItemGroupEvent {
}
