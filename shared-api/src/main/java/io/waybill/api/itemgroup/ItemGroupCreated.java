package io.waybill.api.itemgroup;

/** A lot was created; {@code splitFrom} names the lot it was split from, if any. */
public record ItemGroupCreated(String itemGroupSid, String orgId, String orderSid, String itemSid,
                               ItemGroupDetails details, String splitFrom) implements ItemGroupEvent {
}
