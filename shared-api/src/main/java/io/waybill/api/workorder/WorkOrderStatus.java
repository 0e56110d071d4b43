package io.waybill.api.workorder;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where a work order stands (seed 001): Draft → Entered → Placed → Production → In Transit → Partial → Received →
 * Completed, or Cancelled before Received. Partial and Received follow from receipts, never from a request.
 */
public enum WorkOrderStatus {
    DRAFT("Draft"),
    ENTERED("Entered"),
    PLACED("Placed"),
    PRODUCTION("Production"),
    IN_TRANSIT("In Transit"),
    PARTIAL("Partial"),
    RECEIVED("Received"),
    COMPLETED("Completed"),
    CANCELLED("Cancelled");

    private final String label;

    WorkOrderStatus(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static WorkOrderStatus of(String label) {
        return Arrays.stream(values()).filter(status -> status.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("status must be one of " + Arrays.stream(values())
                        .map(WorkOrderStatus::label).collect(Collectors.joining(", "))));
    }

    /** The statuses a request may move a work order to from this one. */
    public List<WorkOrderStatus> next() {
        return switch (this) {
            case DRAFT -> List.of(ENTERED, PLACED, CANCELLED);
            case ENTERED -> List.of(DRAFT, PLACED, CANCELLED);
            case PLACED -> List.of(PRODUCTION, IN_TRANSIT, CANCELLED);
            case PRODUCTION -> List.of(IN_TRANSIT, CANCELLED);
            case IN_TRANSIT -> List.of(CANCELLED);
            case PARTIAL -> List.of(COMPLETED, CANCELLED);
            case RECEIVED -> List.of(COMPLETED);
            case COMPLETED, CANCELLED -> List.of();
        };
    }

    /** The field of the API that holds this status's stamp. */
    public String stampField() {
        return switch (this) {
            case DRAFT -> "draftAt";
            case ENTERED -> "enteredAt";
            case PLACED -> "placedAt";
            case PRODUCTION -> "productionStartedAt";
            case IN_TRANSIT -> "inTransitAt";
            case PARTIAL -> "partialAt";
            case RECEIVED -> "receivedAt";
            case COMPLETED -> "completedAt";
            case CANCELLED -> "cancelledAt";
        };
    }

    /** Whether its lines can still change: before it is placed. */
    public boolean editable() {
        return this == DRAFT || this == ENTERED;
    }

    /** Whether it has demanded its materials and takes receipts: placed, and neither completed nor cancelled. */
    public boolean open() {
        return this != DRAFT && this != ENTERED && this != COMPLETED && this != CANCELLED;
    }
}
