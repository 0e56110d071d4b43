package io.waybill.api.itemgroup;

import io.waybill.api.LineStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The fields of a shipment lot that a caller sets when creating it. */
public record ItemGroupDetails(String uniqueName, BigDecimal quantity, LocalDate dueDate, LocalDate shipDate,
                               LocalDate deliveryDate, boolean shipped, boolean delivered, String trackingNumber,
                               Instant lastUpdateDate, LocalDate estimatedArrivalDate, LineStatus status,
                               List<String> eventRelations) {

    public ItemGroupDetails {
        status = status == null ? LineStatus.ACTIVE : status;
        eventRelations = eventRelations == null ? List.of() : List.copyOf(eventRelations);
        shipped = shipped || delivered;
    }

    public ItemGroupDetails withQuantity(BigDecimal newQuantity) {
        return new ItemGroupDetails(uniqueName, newQuantity, dueDate, shipDate, deliveryDate, shipped, delivered,
                trackingNumber, lastUpdateDate, estimatedArrivalDate, status, eventRelations);
    }

    public ItemGroupDetails withUniqueName(String newUniqueName) {
        return new ItemGroupDetails(newUniqueName, quantity, dueDate, shipDate, deliveryDate, shipped, delivered,
                trackingNumber, lastUpdateDate, estimatedArrivalDate, status, eventRelations);
    }
}
