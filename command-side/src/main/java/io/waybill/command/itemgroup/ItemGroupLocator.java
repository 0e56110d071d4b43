package io.waybill.command.itemgroup;

/**
 * The query parameters that say which item a lot's unique name is looked up in: {@code itemSid}, or
 * {@code itemUniqueName} with {@code orderSid} or {@code orderUniqueName}. Not needed when the path holds a sid.
 */
record ItemGroupLocator(String itemSid, String itemUniqueName, String orderSid, String orderUniqueName) {

    static final ItemGroupLocator NONE = new ItemGroupLocator(null, null, null, null);
}
