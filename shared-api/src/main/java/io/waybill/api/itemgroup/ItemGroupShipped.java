package io.waybill.api.itemgroup;

import java.time.LocalDate;

public record ItemGroupShipped(String itemGroupSid, LocalDate shipDate) implements ItemGroupEvent {
}
