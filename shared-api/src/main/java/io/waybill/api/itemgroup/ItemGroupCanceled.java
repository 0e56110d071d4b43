package io.waybill.api.itemgroup;


public record ItemGroupCanceled(String itemGroupSid) implements ItemGroupEvent {
}
