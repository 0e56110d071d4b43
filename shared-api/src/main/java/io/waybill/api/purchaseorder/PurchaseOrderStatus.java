package io.waybill.api.purchaseorder;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where a purchase order stands (seed 001): Planning → Placed → In Transit → Partial → Received → Paid, or
 * Cancelled before Received. Partial and Received follow from receipts, never from a request to change status.
 */
public enum PurchaseOrderStatus {
    PLANNING("Planning"),
    PLACED("Placed"),
    IN_TRANSIT("In Transit"),
    PARTIAL("Partial"),
    RECEIVED("Received"),
    PAID("Paid"),
    CANCELLED("Cancelled");

    private final String label;

    PurchaseOrderStatus(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static PurchaseOrderStatus of(String label) {
        return Arrays.stream(values()).filter(status -> status.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("status must be one of " + Arrays.stream(values())
                        .map(PurchaseOrderStatus::label).collect(Collectors.joining(", "))));
    }

    /** The field of the API that holds this status's stamp. */
    public String stampField() {
        return switch (this) {
            case PLANNING -> "planningAt";
            case PLACED -> "placedAt";
            case IN_TRANSIT -> "inTransitAt";
            case PARTIAL -> "partialAt";
            case RECEIVED -> "receivedAt";
            case PAID -> "paidAt";
            case CANCELLED -> "cancelledAt";
        };
    }

    /** The statuses a request may move a purchase order to from this one. */
    public List<PurchaseOrderStatus> next() {
        return switch (this) {
            case PLANNING -> List.of(PLACED, CANCELLED);
            case PLACED -> List.of(IN_TRANSIT, CANCELLED);
            case IN_TRANSIT, PARTIAL -> List.of(CANCELLED);
            case RECEIVED -> List.of(PAID);
            case PAID, CANCELLED -> List.of();
        };
    }
}
