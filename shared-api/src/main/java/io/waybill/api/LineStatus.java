package io.waybill.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Status of an order line or a shipment lot. */
public enum LineStatus {
    ACTIVE("active"),
    CANCELED("canceled");

    private final String value;

    LineStatus(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static LineStatus of(String value) {
        for (LineStatus status : values()) {
            if (status.value.equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("status must be one of active, canceled");
    }
}
