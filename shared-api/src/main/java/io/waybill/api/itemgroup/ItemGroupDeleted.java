package io.waybill.api.itemgroup;


public record ItemGroupDeleted(String itemGroupSid) implements ItemGroupEvent {
}
