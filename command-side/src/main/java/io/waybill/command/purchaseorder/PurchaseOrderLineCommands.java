package io.waybill.command.purchaseorder;

import io.waybill.api.DomainException;
import io.waybill.api.purchaseorder.AddPurchaseOrderItem;
import io.waybill.api.purchaseorder.PurchaseOrderItemAdded;
import io.waybill.api.purchaseorder.PurchaseOrderItemChanged;
import io.waybill.api.purchaseorder.PurchaseOrderItemRemoved;
import io.waybill.api.purchaseorder.PurchaseOrderLine;
import io.waybill.api.purchaseorder.RemovePurchaseOrderItem;
import io.waybill.api.purchaseorder.TargetType;
import io.waybill.api.purchaseorder.UpdatePurchaseOrderItem;
import io.waybill.command.catalog.CatalogKinds;
import io.waybill.command.registry.CatalogReferences;
import io.waybill.command.registry.EntityRegistry;

import java.math.BigDecimal;
import java.util.function.Consumer;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The commands on a purchase order's lines, decided against the order's state: a line is added, changed or removed
 * until the order is received, paid or cancelled, its item only while Planning; once the order is on order, what
 * the change means to stock is posted with it.
 */
final class PurchaseOrderLineCommands {

    private final String purchaseOrderId;
    private final String orgId;
    private final TargetType targetType;
    private final PurchaseOrderLifecycle lifecycle;
    private final PurchaseOrderLines lines;
    private final PurchaseOrderStock stock;
    private final PurchaseOrderStock.Batch batch;
    private final Consumer<PurchaseOrderStock.Batch> post;

    PurchaseOrderLineCommands(String purchaseOrderId, String orgId, TargetType targetType, String shipToLocationId,
                              PurchaseOrderLifecycle lifecycle, PurchaseOrderLines lines, PurchaseOrderStock stock,
                              Consumer<PurchaseOrderStock.Batch> post) {
        this.purchaseOrderId = purchaseOrderId;
        this.orgId = orgId;
        this.targetType = targetType;
        this.lifecycle = lifecycle;
        this.lines = lines;
        this.stock = stock;
        this.batch = stock.batch(purchaseOrderId, shipToLocationId);
        this.post = post;
    }

    /** Adds the line; false when the same line was added before (a different one is a conflict). */
    boolean add(AddPurchaseOrderItem command, EntityRegistry registry, CatalogReferences references) {
        PurchaseOrderLines.Existing existing = lines.find(command.line().lineId());
        if (existing != null) {
            lines.requireSame(existing, command.line());
            return false;
        }
        lifecycle.requireOpen("take new lines");
        PurchaseOrderLines.requireNamedBy(targetType, command.named());
        PurchaseOrderLines.register(command.line(), orgId, purchaseOrderId, targetType, registry, references);
        apply(new PurchaseOrderItemAdded(purchaseOrderId, command.line()));
        if (lifecycle.onOrder()) {
            post.accept(batch.order(command.line(), command.line().quantity()));
        }
        return true;
    }

    void update(UpdatePurchaseOrderItem command, CatalogReferences references) {
        PurchaseOrderLines.LineChange change = lines.change(command);
        if (change.changedFields().isEmpty()) {
            return;
        }
        lifecycle.requireOpen("change its lines");
        if (change.changedFields().contains("itemId")) {
            PurchaseOrderLines.requireNamedBy(targetType, command.named());
            if (!lifecycle.planning()) {
                throw PurchaseOrderSteps.refused("a line's item can only change while the purchase order is Planning");
            }
            references.use(orgId, CatalogKinds.of(targetType.itemKind()), change.line().itemId(), purchaseOrderId);
            lines.releaseIfUnused(change.before().itemId(), command.lineId(), references, purchaseOrderId);
        }
        PurchaseOrderLine line = change.line();
        BigDecimal received = stock.received(line.lineId());
        if (line.quantity().compareTo(received) < 0) {
            throw DomainException.invalid("quantity", "must be at least what the line's receipts took in, "
                    + received.toPlainString());
        }
        apply(new PurchaseOrderItemChanged(purchaseOrderId, line, change.changedFields()));
        if (lifecycle.onOrder() && change.changedFields().contains("quantity")) {
            post.accept(batch.settle(line));
        }
    }

    void remove(RemovePurchaseOrderItem command, EntityRegistry registry, CatalogReferences references) {
        PurchaseOrderLines.Existing line = lines.require(command.lineId());
        lifecycle.requireOpen("lose lines");
        if (stock.received(command.lineId()).signum() > 0) {
            throw PurchaseOrderSteps.refused("a line that receipts took in cannot be removed; lower it instead");
        }
        lines.releaseIfUnused(line.line().itemId(), command.lineId(), references, purchaseOrderId);
        registry.markDeleted(orgId, command.lineId());
        batch.releaseAbove(line.line(), BigDecimal.ZERO);
        apply(new PurchaseOrderItemRemoved(purchaseOrderId, command.lineId()));
        post.accept(batch);
    }
}
