package io.waybill.query.itemgroups;

/**
 * The query parameters that say which item a lot's unique name is looked up in: {@code itemSid}, or
 * {@code itemUniqueName} with {@code orderSid} or {@code orderUniqueName}. Not needed when the path holds a sid.
 */
record ItemGroupNames(String itemSid, String itemUniqueName, String orderSid, String orderUniqueName) {
}
