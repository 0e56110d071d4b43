package io.waybill.command.itemgroup;

import io.waybill.command.order.OrderReferences;
import io.waybill.command.registry.EntityRegistry;
import io.waybill.command.registry.RegistryEntry;
import org.springframework.stereotype.Component;

/**
 * Resolves the item group a request names, by sid or by unique name within its item, to a live lot of the caller's
 * organisation; anything else is {@code not_found}. Blocking.
 */
@Component
class ItemGroupReferences {

    private final EntityRegistry registry;
    private final OrderReferences orders;

    ItemGroupReferences(EntityRegistry registry, OrderReferences orders) {
        this.registry = registry;
        this.orders = orders;
    }

    RegistryEntry itemGroup(String orgId, String idOrUniqueName, ItemGroupLocator locator) {
        boolean itemNamed = locator.itemId() != null || locator.itemUniqueName() != null;
        RegistryEntry item = itemNamed ? orders.item(orgId, locator.itemId(), locator.itemUniqueName(),
                locator.orderId(), locator.orderUniqueName()) : null;
        return registry.require(orgId, ItemGroups.KIND, item == null ? null : item.id(), idOrUniqueName);
    }

    /** The item a new lot is made for, named as {@link OrderReferences#item} takes it. */
    RegistryEntry item(String orgId, String itemId, String itemUniqueName, String orderId, String orderUniqueName) {
        return orders.item(orgId, itemId, itemUniqueName, orderId, orderUniqueName);
    }

    /** A lot named by its sid alone. */
    RegistryEntry itemGroup(String orgId, String sid) {
        return itemGroup(orgId, sid, ItemGroupLocator.NONE);
    }
}
