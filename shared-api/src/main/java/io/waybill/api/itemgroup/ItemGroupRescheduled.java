package io.waybill.api.itemgroup;

import java.time.LocalDate;
/** The agreed due date moved. */
public record ItemGroupRescheduled(String itemGroupSid, LocalDate previousDueDate, LocalDate dueDate) implements ItemGroupEvent {
}
