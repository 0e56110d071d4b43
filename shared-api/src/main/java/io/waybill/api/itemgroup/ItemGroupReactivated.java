package io.waybill.api.itemgroup;


public record ItemGroupReactivated(String itemGroupSid) implements ItemGroupEvent {
}
