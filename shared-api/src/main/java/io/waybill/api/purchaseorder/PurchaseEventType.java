package io.waybill.api.purchaseorder;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a purchase event says happened to lines of a purchase order (seed 002's event types). Each is recorded as the
 * event of its kind: shipped, invoiced, canceled or voided lines, a line divided, lines combined, a line's quantity
 * adjusted, lines rescheduled, snoozed, or only noted. {@code received} is not taken: stock comes in by a receipt.
 */
public enum PurchaseEventType {
    SHIPPED, VOIDED, CANCELED, ADJUSTED, IMPORTED, DELAYED, NOTE, RETURN_REQUEST, RETURN, CONFIRM, TRACK, DIVIDE,
    COMBINE, INVOICED, DELIVERED, DELIVERY_ATTEMPT, RESCHEDULE_REQUEST, RESCHEDULE, RECEIVED, IGNORED, SNOOZED;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether it moves the lines' expected dates to the ones it gives: delayed, reschedule, confirm, shipped, track. */
    public boolean movesDates() {
        return this == DELAYED || this == RESCHEDULE || this == CONFIRM || this == SHIPPED || this == TRACK;
    }

    /** The types a request may name, as it names them. */
    public static String values(String separator) {
        return Arrays.stream(values()).map(PurchaseEventType::value).collect(Collectors.joining(separator));
    }

    @JsonCreator
    public static PurchaseEventType of(String value) {
        return Arrays.stream(values()).filter(type -> type.value().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("eventType must be one of " + values(", ")));
    }
}
