package io.waybill.api.workorder;

import io.waybill.api.Change;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A partial update of a work order: each field kept, cleared or set; {@code status} moves it on, stamped
 * {@code statusAt} (a time the client gives, never in the future) or else when the server handles it.
 */
public record WorkOrderPatch(Change<String> workSiteLocationId, Change<LocalDate> orderDate,
                             Change<LocalDate> expectedDeliveryDate, Change<String> notes, WorkOrderStatus status,
                             Instant statusAt) {

    public WorkOrderDetails applyTo(WorkOrderDetails d) {
        return new WorkOrderDetails(Change.apply(workSiteLocationId, d.workSiteLocationId()),
                Change.apply(orderDate, d.orderDate()), Change.apply(expectedDeliveryDate, d.expectedDeliveryDate()),
                Change.apply(notes, d.notes()));
    }
}
