package io.waybill.command.order;

import io.waybill.api.DomainException;
import io.waybill.api.ErrorCode;
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

    public RegistryEntry order(String orgId, String sidOrUniqueName) {
        return registry.require(orgId, OrderKinds.ORDER, "", sidOrUniqueName);
    }

    /** The order named by sid and/or unique name; null when neither is given. Both must agree. */
    public RegistryEntry order(String orgId, String orderSid, String orderUniqueName) {
        RegistryEntry bySid = orderSid == null ? null : registry.require(orgId, OrderKinds.ORDER, null, orderSid);
        RegistryEntry byName = orderUniqueName == null ? null
                : registry.resolve(orgId, OrderKinds.ORDER, "", orderUniqueName).filter(e -> orderUniqueName
                .equals(e.uniqueName())).orElseThrow(() -> DomainException.notFound("order", orderUniqueName));
        return agree(bySid, byName, "orderSid", "orderUniqueName");
    }

    public RegistryEntry item(String orgId, String sidOrUniqueName, String orderSid, String orderUniqueName) {
        RegistryEntry order = order(orgId, orderSid, orderUniqueName);
        return registry.require(orgId, OrderKinds.ITEM, order == null ? null : order.id(), sidOrUniqueName);
    }

    /** The item named by {@code itemSid}, or by {@code itemUniqueName} within the named order; all must agree. */
    public RegistryEntry item(String orgId, String itemSid, String itemUniqueName, String orderSid,
                              String orderUniqueName) {
        RegistryEntry order = order(orgId, orderSid, orderUniqueName);
        RegistryEntry bySid = itemSid == null ? null : registry.require(orgId, OrderKinds.ITEM, null, itemSid);
        RegistryEntry byName = null;
        if (itemUniqueName != null) {
            if (order == null) {
                throw new DomainException(ErrorCode.VALIDATION_FAILED,
                        "itemUniqueName needs orderSid or orderUniqueName", Map.of("field", "itemUniqueName"));
            }
            byName = registry.resolve(orgId, OrderKinds.ITEM, order.id(), itemUniqueName)
                    .filter(e -> itemUniqueName.equals(e.uniqueName()))
                    .orElseThrow(() -> DomainException.notFound("item", itemUniqueName));
        }
        RegistryEntry item = agree(bySid, byName, "itemSid", "itemUniqueName");
        if (item == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED,
                    "an item is required: itemSid, or itemUniqueName with orderSid or orderUniqueName",
                    Map.of("field", "itemSid"));
        }
        if (order != null && !order.id().equals(item.parentId())) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "the item does not belong to the named order",
                    Map.of("field", "orderSid"));
        }
        return item;
    }

    private static RegistryEntry agree(RegistryEntry a, RegistryEntry b, String fieldA, String fieldB) {
        if (a != null && b != null && !a.id().equals(b.id())) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED,
                    fieldA + " and " + fieldB + " refer to different resources", Map.of("field", fieldB));
        }
        return a != null ? a : b;
    }
}
