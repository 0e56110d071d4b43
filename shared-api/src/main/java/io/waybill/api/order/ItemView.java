package io.waybill.api.order;

import io.waybill.api.LineStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

public record ItemView(String id, String orderId, String orgId, String uniqueName, String title,
                       LineStatus status, BigDecimal quantity, BigDecimal pricePerUnit, BigDecimal nonRecurringCost,
                       Integer leadTime, Integer shipTime, Integer lineNumber, String description,
                       String manufacturerPartNumber, String revision, List<String> eventRelations,
                       Instant createdAt, Instant updatedAt) {

    public static ItemView of(String id, String orderId, String orgId, ItemDetails d, Instant createdAt,
                              Instant updatedAt) {
        return new ItemView(id, orderId, orgId, d.uniqueName(), d.title(), d.status(), d.quantity(),
                d.pricePerUnit(), d.nonRecurringCost(), d.leadTime(), d.shipTime(), d.lineNumber(), d.description(),
                d.manufacturerPartNumber(), d.revision(), d.eventRelations(), createdAt, updatedAt);
    }
}
