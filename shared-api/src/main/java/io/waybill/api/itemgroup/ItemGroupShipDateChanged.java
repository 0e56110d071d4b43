package io.waybill.api.itemgroup;

import java.time.LocalDate;
/** The (estimated or actual) ship date changed without a change of the shipped state. */
public record ItemGroupShipDateChanged(String itemGroupSid, LocalDate previousShipDate, LocalDate shipDate) implements ItemGroupEvent {
}
