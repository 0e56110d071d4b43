package io.waybill.api.itemgroup;

import java.time.Instant;
/** The supplier re-confirmed the lot's dates without changing them. */
public record ItemGroupConfirmed(String itemGroupSid, Instant lastUpdateDate) implements ItemGroupEvent {
}
