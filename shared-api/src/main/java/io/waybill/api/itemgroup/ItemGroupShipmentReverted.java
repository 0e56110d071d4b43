package io.waybill.api.itemgroup;

/** The lot was marked as not shipped after all. */
public record ItemGroupShipmentReverted(String itemGroupSid) implements ItemGroupEvent {
}
