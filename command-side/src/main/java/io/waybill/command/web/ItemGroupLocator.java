package io.waybill.command.web;

import io.waybill.command.registry.RegistryEntry;

/**
 * The query parameters that say which item a lot's unique name is looked up in: {@code itemSid}, or
 * {@code itemUniqueName} with {@code orderSid} or {@code orderUniqueName}. Not needed when the path holds a sid.
 */
record ItemGroupLocator(String itemSid, String itemUniqueName, String orderSid, String orderUniqueName) {

    RegistryEntry resolve(References references, String orgId, String sidOrUniqueName) {
        return references.itemGroup(orgId, sidOrUniqueName, itemSid, itemUniqueName, orderSid, orderUniqueName);
    }
}
