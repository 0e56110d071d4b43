package io.waybill.api.itemgroup;

import java.time.LocalDate;
/** The (estimated or actual) delivery date changed without a change of the delivered state. */
public record ItemGroupDeliveryDateChanged(String itemGroupSid, LocalDate previousDeliveryDate, LocalDate deliveryDate) implements ItemGroupEvent {
}
