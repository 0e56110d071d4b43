package io.waybill.api.itemgroup;

import java.time.LocalDate;

public record ItemGroupDelivered(String itemGroupSid, LocalDate deliveryDate) implements ItemGroupEvent {
}
