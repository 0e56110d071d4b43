package io.waybill.api.itemgroup;

import java.time.LocalDate;

public record ItemGroupArrivalEstimated(String itemGroupSid, LocalDate previousEstimatedArrivalDate, LocalDate estimatedArrivalDate) implements ItemGroupEvent {
}
