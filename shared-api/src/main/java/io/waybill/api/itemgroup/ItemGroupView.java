package io.waybill.api.itemgroup;

import io.waybill.api.LineStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

public record ItemGroupView(String id, String orgId, String orderId, String itemId, String uniqueName,
                            BigDecimal quantity, LocalDate dueDate, LocalDate shipDate, LocalDate deliveryDate,
                            boolean shipped, boolean delivered, String trackingNumber, Instant lastUpdateDate,
                            LocalDate estimatedArrivalDate, LineStatus status, List<String> eventRelations,
                            long version, Instant createdAt, Instant updatedAt) {
}
