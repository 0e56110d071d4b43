package io.waybill.api.itemgroup;


public record ItemGroupTrackingNumberChanged(String itemGroupSid, String previousTrackingNumber, String trackingNumber) implements ItemGroupEvent {
}
