package io.waybill.command.purchaseorder;

import io.waybill.api.DomainException;
import io.waybill.command.registry.EntityRegistry;
import io.waybill.command.registry.RegistryEntry;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves the purchase order, line or receipt a path or a body names to a live one of the caller's organisation, so that no command
 * goes to another organisation's record or to a record of another kind.
 */
@Component
class PurchaseOrderReferences {

    private final EntityRegistry registry;

    PurchaseOrderReferences(EntityRegistry registry) {
        this.registry = registry;
    }

    RegistryEntry purchaseOrder(String orgId, String id) {
        return registry.require(orgId, PurchaseOrderKinds.PURCHASE_ORDER, null, id);
    }

    /** A line, whose {@code parentId} is its purchase order. */
    RegistryEntry line(String orgId, String id) {
        return registry.require(orgId, PurchaseOrderKinds.PURCHASE_ORDER_ITEM, null, id);
    }

    /** A receipt, whose {@code parentId} is its purchase order. */
    RegistryEntry receipt(String orgId, String id) {
        return registry.require(orgId, PurchaseOrderKinds.PURCHASE_ORDER_RECEIPT, null, id);
    }

    /**
     * The purchase order of the purchase event recorded with this id, if one was (a request sent again goes where it
     * went the first time, whatever became of its lines); else the one order whose lines {@code lineIds} name.
     */
    String purchaseEventOrder(String orgId, String eventId, List<String> lineIds) {
        Optional<RegistryEntry> recorded = registry.find(orgId, eventId)
                .filter(entry -> entry.is(PurchaseOrderKinds.PURCHASE_EVENT));
        if (recorded.isPresent()) {
            return recorded.get().parentId();
        }
        Set<String> orders = new LinkedHashSet<>();
        lineIds.forEach(lineId -> orders.add(line(orgId, lineId).parentId()));
        if (orders.size() > 1) {
            throw DomainException.invalid("purchaseOrderItemIds", "must be lines of one purchase order: a purchase "
                    + "event is recorded on one order");
        }
        return orders.iterator().next();
    }
}
