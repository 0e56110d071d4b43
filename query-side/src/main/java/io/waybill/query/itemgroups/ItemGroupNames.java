package io.waybill.query.itemgroups;

/**
 * The query parameters that say which item a lot's unique name is looked up in: {@code itemId}, or
 * {@code itemUniqueName} with {@code orderId} or {@code orderUniqueName}. Not needed when the path holds a sid.
 */
record ItemGroupNames(String itemId, String itemUniqueName, String orderId, String orderUniqueName) {
}
