package io.waybill.command.purchaseorder;

import io.waybill.api.DomainException;
import io.waybill.command.registry.EntityRegistry;
import io.waybill.command.registry.Kind;
import io.waybill.command.registry.RegistryEntry;
import org.springframework.stereotype.Component;

/**
 * Resolves the purchase order, line or receipt a path names to a live one of the caller's organisation, so that no command
 * goes to another organisation's record or to a record of another kind.
 */
@Component
class PurchaseOrderReferences {

    private final EntityRegistry registry;

    PurchaseOrderReferences(EntityRegistry registry) {
        this.registry = registry;
    }

    RegistryEntry purchaseOrder(String orgId, String id) {
        return live(orgId, id, PurchaseOrderKinds.PURCHASE_ORDER);
    }

    /** A line, whose {@code parentId} is its purchase order. */
    RegistryEntry line(String orgId, String id) {
        return live(orgId, id, PurchaseOrderKinds.PURCHASE_ORDER_ITEM);
    }

    /** A receipt, whose {@code parentId} is its purchase order. */
    RegistryEntry receipt(String orgId, String id) {
        return live(orgId, id, PurchaseOrderKinds.PURCHASE_ORDER_RECEIPT);
    }

    private RegistryEntry live(String orgId, String id, Kind kind) {
        return registry.find(id).filter(entry -> entry.orgId().equals(orgId) && entry.is(kind) && !entry.deleted())
                .orElseThrow(() -> DomainException.notFound(kind.noun(), id));
    }
}
