package io.waybill.api.order;

import io.waybill.api.LineStatus;

import java.math.BigDecimal;
import java.util.List;

/** The fields of an order line that a caller sets. */
public record ItemDetails(String uniqueName, String title, LineStatus status, BigDecimal quantity,
                          BigDecimal pricePerUnit, BigDecimal nonRecurringCost, Integer leadTime, Integer shipTime,
                          Integer lineNumber, String description, String manufacturerPartNumber, String revision,
                          List<String> eventRelations) {

    public ItemDetails {
        status = status == null ? LineStatus.ACTIVE : status;
        eventRelations = eventRelations == null ? List.of() : List.copyOf(eventRelations);
    }

    public ItemDetails withStatus(LineStatus newStatus) {
        return new ItemDetails(uniqueName, title, newStatus, quantity, pricePerUnit, nonRecurringCost, leadTime,
                shipTime, lineNumber, description, manufacturerPartNumber, revision, eventRelations);
    }
}
