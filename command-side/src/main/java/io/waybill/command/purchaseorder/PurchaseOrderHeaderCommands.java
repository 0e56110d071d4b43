package io.waybill.command.purchaseorder;

import io.waybill.api.purchaseorder.PurchaseOrderChanged;
import io.waybill.api.purchaseorder.PurchaseOrderControl;
import io.waybill.api.purchaseorder.PurchaseOrderControlEvent;
import io.waybill.api.purchaseorder.PurchaseOrderDeleted;
import io.waybill.api.purchaseorder.PurchaseOrderDetails;
import io.waybill.api.purchaseorder.PurchaseOrderPatch;
import io.waybill.api.purchaseorder.PurchaseOrderStatus;
import io.waybill.api.purchaseorder.PurchaseOrderStatusEvent;
import io.waybill.command.registry.CatalogReferences;
import io.waybill.command.registry.EntityRegistry;
import io.waybill.command.support.RecordFields;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The commands on the order itself, decided against its state: its fields change until it is received, paid or
 * cancelled (the vendor and the ship-to location only while Planning), its status moves as the lifecycle allows,
 * its controls apply as {@link PurchaseOrderLifecycle#check} allows, and it is deleted only in Planning. What a
 * step or control owes the ledger is posted with it.
 */
final class PurchaseOrderHeaderCommands {

    private static final List<String> PLANNING_ONLY = List.of("vendorId", "shipToLocationId");
    private final String purchaseOrderId;
    private final String orgId;
    private final PurchaseOrderDetails details;
    private final PurchaseOrderLifecycle lifecycle;
    private final PurchaseOrderLines lines;
    private final PurchaseOrderStock.Batch batch;
    private final BiConsumer<PurchaseOrderStock.Batch, Instant> poster;
    private final Clock clock;

    PurchaseOrderHeaderCommands(String purchaseOrderId, String orgId, PurchaseOrderDetails details,
                                PurchaseOrderLifecycle lifecycle, PurchaseOrderLines lines, PurchaseOrderStock stock,
                                BiConsumer<PurchaseOrderStock.Batch, Instant> poster, Clock clock) {
        this.purchaseOrderId = purchaseOrderId;
        this.orgId = orgId;
        this.details = details;
        this.lifecycle = lifecycle;
        this.lines = lines;
        this.batch = stock.batch(purchaseOrderId, details.shipToLocationId());
        this.poster = poster;
        this.clock = clock;
    }

    /**
     * Changes the fields the patch changes, as one event, then takes the status step it asks for, if any; placing
     * takes an approval first when the organisation's setting asks for one.
     */
    void update(PurchaseOrderPatch patch, CatalogReferences references, ApprovalSetting approval) {
        PurchaseOrderDetails next = patch.applyTo(details);
        List<String> changed = RecordFields.changed(details, next);
        if (!changed.isEmpty()) {
            lifecycle.requireOpen("change");
            List<String> frozen = changed.stream().filter(PLANNING_ONLY::contains).toList();
            if (!frozen.isEmpty() && !lifecycle.planning()) {
                throw PurchaseOrderSteps.refused(frozen.get(0) + " only changes while the order is Planning");
            }
            PurchaseOrderUses.change(orgId, details, next, references, purchaseOrderId);
            apply(new PurchaseOrderChanged(purchaseOrderId, next, changed));
        }
        PurchaseOrderStatus target = patch.status() == lifecycle.status() ? null : patch.status();
        if (target != null) {
            lifecycle.requireChangeable("change status");
            if (target == PurchaseOrderStatus.PLACED) {
                PurchaseOrderSteps.requirePlaceable(lines.isEmpty(), details);
                if (lifecycle.controls().approved() == null && approval.required(orgId)) {
                    throw PurchaseOrderSteps.refused("the organisation requires a purchase order approved before it "
                            + "is placed: an admin approves it (POST /api/purchase-orders/{id}/approve)");
                }
            }
            PurchaseOrderStatusEvent step = PurchaseOrderSteps.step(purchaseOrderId, lifecycle.status(),
                    lifecycle.next(), target, patch.statusAt(), clock);
            apply(step);
            poster.accept(batch.step(target, lines.all()), step.at());
        }
    }

    /** Deletes the order, only in Planning: its and its lines' ids and its catalog records are freed. */
    void delete(EntityRegistry registry, CatalogReferences references) {
        lifecycle.requireDeletable();
        lines.ids().forEach(line -> registry.markDeleted(orgId, line));
        registry.markDeleted(orgId, purchaseOrderId);
        references.releaseAll(orgId, purchaseOrderId);
        apply(new PurchaseOrderDeleted(purchaseOrderId));
    }

    /** Applies the control by {@code actor}, unless it is in effect already; voiding and closing release the rest. */
    void control(PurchaseOrderControl control, String actor) {
        if (lifecycle.controls().inEffect(control)) {
            return;
        }
        lifecycle.check(control);
        Instant now = clock.instant();
        apply(PurchaseOrderControlEvent.of(control, purchaseOrderId, actor, now));
        if (control == PurchaseOrderControl.VOID || control == PurchaseOrderControl.CLOSE) {
            poster.accept(batch.releaseAll(lines.all()), now);
        }
    }
}
