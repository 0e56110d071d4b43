package io.waybill.command.order;

import io.waybill.api.DomainException;
import io.waybill.api.ErrorCode;
import io.waybill.api.RecordNames;
import io.waybill.command.registry.EntityRegistry;
import io.waybill.command.registry.RegistryEntry;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Resolves what a request names (an order or an item, by sid, or by unique name within its parent) to live
 * resources of the caller's organisation; anything else is {@code not_found}, so no organisation learns of
 * another's ids. Blocking.
 */
@Component
public class OrderReferences {

    private final EntityRegistry registry;

    OrderReferences(EntityRegistry registry) {
        this.registry = registry;
    }

    public RegistryEntry order(String orgId, String idOrUniqueName) {
        return registry.require(orgId, OrderKinds.ORDER, "", idOrUniqueName);
    }

    /** The order named by sid and/or unique name; null when neither is given. Both must agree. */
    public RegistryEntry order(String orgId, String orderId, String orderUniqueName) {
        RegistryEntry bySid = orderId == null ? null : registry.require(orgId, OrderKinds.ORDER, null, orderId);
        RegistryEntry byName = orderUniqueName == null ? null
                : registry.resolve(orgId, OrderKinds.ORDER, "", orderUniqueName).filter(e -> orderUniqueName
                .equals(e.uniqueName())).orElseThrow(() -> DomainException.notFound("order", orderUniqueName));
        return RecordNames.agree(bySid, byName, RegistryEntry::id, "orderId", "orderUniqueName");
    }

    public RegistryEntry item(String orgId, String idOrUniqueName, String orderId, String orderUniqueName) {
        RegistryEntry order = order(orgId, orderId, orderUniqueName);
        return registry.require(orgId, OrderKinds.ITEM, order == null ? null : order.id(), idOrUniqueName);
    }

    /** The item named by {@code itemId}, or by {@code itemUniqueName} within the named order; all must agree. */
    public RegistryEntry item(String orgId, String itemId, String itemUniqueName, String orderId,
                              String orderUniqueName) {
        RegistryEntry order = order(orgId, orderId, orderUniqueName);
        RegistryEntry bySid = itemId == null ? null : registry.require(orgId, OrderKinds.ITEM, null, itemId);
        RegistryEntry byName = null;
        if (itemUniqueName != null) {
            if (order == null) {
                throw RecordNames.needsParent("itemUniqueName", "orderId or orderUniqueName");
            }
            byName = registry.resolve(orgId, OrderKinds.ITEM, order.id(), itemUniqueName)
                    .filter(e -> itemUniqueName.equals(e.uniqueName()))
                    .orElseThrow(() -> DomainException.notFound("item", itemUniqueName));
        }
        RegistryEntry item = RecordNames.agree(bySid, byName, RegistryEntry::id, "itemId", "itemUniqueName");
        if (item == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED,
                    "an item is required: itemId, or itemUniqueName with orderId or orderUniqueName",
                    Map.of("field", "itemId"));
        }
        if (order != null && !order.id().equals(item.parentId())) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "the item does not belong to the named order",
                    Map.of("field", "orderId"));
        }
        return item;
    }
}
