package io.waybill.api.itemgroup;


public record ItemGroupRenamed(String itemGroupSid, String previousUniqueName, String uniqueName) implements ItemGroupEvent {
}
