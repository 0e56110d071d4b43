package io.waybill.command.purchaseorder;

import io.waybill.api.DomainException;
import io.waybill.api.purchaseorder.CreatePurchaseOrder;
import io.waybill.api.purchaseorder.PurchaseOrderCreated;
import io.waybill.command.registry.CatalogReferences;
import io.waybill.command.registry.EntityRegistry;
import io.waybill.command.support.Counters;
import io.waybill.command.support.RecordFields;

import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Creating a purchase order: the first create claims the order's and its lines' ids, puts its catalog records in use
 * and numbers it in the organisation's {@code PO} series; a create sent again is recognised by its content.
 */
final class PurchaseOrderCreation {

    static final String NUMBER = "PO";

    private PurchaseOrderCreation() {
    }

    static void create(CreatePurchaseOrder command, EntityRegistry registry, CatalogReferences references,
                       Counters counters) {
        String id = command.purchaseOrderId();
        registry.register(id, command.orgId(), PurchaseOrderKinds.PURCHASE_ORDER, "", null);
        PurchaseOrderUses.use(command.orgId(), command.details(), references, id);
        PurchaseOrderLines.requireDistinct(command.items());
        command.items().forEach(line -> PurchaseOrderLines.register(line, command.orgId(), id,
                command.targetType(), registry, references));
        apply(new PurchaseOrderCreated(id, command.orgId(), counters.next(command.orgId(), NUMBER),
                command.targetType(), command.details(), command.items()));
    }

    /**
     * Refuses a create with the id of an order it did not create: the same create has the same organisation,
     * target type, fields and lines (whatever ids the lines got).
     */
    static void requireSame(PurchaseOrderCreated created, CreatePurchaseOrder command) {
        boolean same = created.orgId().equals(command.orgId()) && created.targetType() == command.targetType()
                && RecordFields.changed(created.details(), command.details()).isEmpty()
                && PurchaseOrderLines.sameLines(created.items(), command.items());
        if (!same) {
            throw DomainException.conflict("id " + command.purchaseOrderId()
                    + " is already used by another purchase order", Map.of("id", command.purchaseOrderId()));
        }
    }
}
