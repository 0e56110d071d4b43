package io.waybill.api.itemgroup;

/** The lot was marked as not delivered after all. */
public record ItemGroupDeliveryReverted(String itemGroupSid) implements ItemGroupEvent {
}
