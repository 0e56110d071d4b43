package io.waybill.command.workorder;

import io.waybill.api.DomainException;
import io.waybill.api.catalog.CatalogKind;
import io.waybill.command.catalog.CatalogKinds;
import io.waybill.command.registry.EntityRegistry;
import io.waybill.command.registry.Kind;
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
        return live(orgId, id, WorkOrderKinds.WORK_ORDER);
    }

    /** A line, whose {@code parentId} is its work order. */
    RegistryEntry line(String orgId, String id) {
        return live(orgId, id, WorkOrderKinds.WORK_ORDER_ITEM);
    }

    /** A receipt, whose {@code parentId} is its work order. */
    RegistryEntry receipt(String orgId, String id) {
        return live(orgId, id, WorkOrderKinds.WORK_ORDER_RECEIPT);
    }

    /** Refuses a body's SKU that is not a live SKU of the organisation, as invalid {@code field}. */
    void requireSku(String orgId, String skuId, String field) {
        Kind sku = CatalogKinds.of(CatalogKind.SKU);
        if (registry.find(skuId).filter(entry -> entry.orgId().equals(orgId) && entry.is(sku) && !entry.deleted())
                .isEmpty()) {
            throw DomainException.invalid(field, "no SKU " + skuId + " in this organisation");
        }
    }

    private RegistryEntry live(String orgId, String id, Kind kind) {
        return registry.find(id).filter(entry -> entry.orgId().equals(orgId) && entry.is(kind) && !entry.deleted())
                .orElseThrow(() -> DomainException.notFound(kind.noun(), id));
    }
}
