package io.waybill.api.workorder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** A work order as both sides answer it, with the stamp of each step it took. */
public record WorkOrderView(String id, String orgId, String woNumber, WorkOrderStatus status,
                            String workSiteLocationId, LocalDate orderDate, LocalDate expectedDeliveryDate,
                            String notes, Instant draftAt, Instant enteredAt, Instant placedAt,
                            Instant productionStartedAt, Instant inTransitAt, Instant partialAt, Instant receivedAt,
                            Instant completedAt, Instant cancelledAt, Instant createdAt, Instant updatedAt) {

    /** The view of an order with these fields, at this status, having taken the steps {@code stamps} holds. */
    public static WorkOrderView of(String id, String orgId, String woNumber, WorkOrderStatus status,
                                   Map<WorkOrderStatus, Instant> stamps, WorkOrderDetails d, Instant createdAt,
                                   Instant updatedAt) {
        return new WorkOrderView(id, orgId, woNumber, status, d.workSiteLocationId(), d.orderDate(),
                d.expectedDeliveryDate(), d.notes(), stamps.get(WorkOrderStatus.DRAFT),
                stamps.get(WorkOrderStatus.ENTERED), stamps.get(WorkOrderStatus.PLACED),
                stamps.get(WorkOrderStatus.PRODUCTION), stamps.get(WorkOrderStatus.IN_TRANSIT),
                stamps.get(WorkOrderStatus.PARTIAL), stamps.get(WorkOrderStatus.RECEIVED),
                stamps.get(WorkOrderStatus.COMPLETED), stamps.get(WorkOrderStatus.CANCELLED), createdAt, updatedAt);
    }
}
