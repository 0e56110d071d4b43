package io.waybill.command.workorder;

import io.waybill.api.DomainException;
import io.waybill.api.catalog.CatalogKind;
import io.waybill.command.catalog.CatalogKinds;
import io.waybill.command.registry.EntityRegistry;
import io.waybill.command.registry.RegistryEntry;
import org.springframework.stereotype.Component;

/**
 * Resolves the work order, line or receipt a path names to a live one of the caller's organisation, so that no
 * command goes to another organisation's record or to a record of another kind.
 */
@Component
class WorkOrderReferences {

    private final EntityRegistry registry;

    WorkOrderReferences(EntityRegistry registry) {
        this.registry = registry;
    }

    RegistryEntry workOrder(String orgId, String id) {
        return registry.require(orgId, WorkOrderKinds.WORK_ORDER, null, id);
    }

    /** A line, whose {@code parentId} is its work order. */
    RegistryEntry line(String orgId, String id) {
        return registry.require(orgId, WorkOrderKinds.WORK_ORDER_ITEM, null, id);
    }

    /** A receipt, whose {@code parentId} is its work order. */
    RegistryEntry receipt(String orgId, String id) {
        return registry.require(orgId, WorkOrderKinds.WORK_ORDER_RECEIPT, null, id);
    }

    /** Refuses a body's SKU that is not a live SKU of the organisation, as invalid {@code field}. */
    void requireSku(String orgId, String skuId, String field) {
        if (registry.resolve(orgId, CatalogKinds.of(CatalogKind.SKU), null, skuId).isEmpty()) {
            throw DomainException.invalid(field, "no SKU " + skuId + " in this organisation");
        }
    }
}
