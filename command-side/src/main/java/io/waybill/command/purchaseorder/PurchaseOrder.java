package io.waybill.command.purchaseorder;

import io.waybill.api.DomainException;
import io.waybill.api.purchaseorder.AddPurchaseOrderItem;
import io.waybill.api.purchaseorder.ControlPurchaseOrder;
import io.waybill.api.purchaseorder.CreatePurchaseOrder;
import io.waybill.api.purchaseorder.DeletePurchaseOrder;
import io.waybill.api.purchaseorder.PurchaseOrderAnswer;
import io.waybill.api.purchaseorder.PurchaseOrderChanged;
import io.waybill.api.purchaseorder.PurchaseOrderControl;
import io.waybill.api.purchaseorder.PurchaseOrderControlEvent;
import io.waybill.api.purchaseorder.PurchaseOrderCreated;
import io.waybill.api.purchaseorder.PurchaseOrderDeleted;
import io.waybill.api.purchaseorder.PurchaseOrderDetails;
import io.waybill.api.purchaseorder.PurchaseOrderItemAdded;
import io.waybill.api.purchaseorder.PurchaseOrderItemChanged;
import io.waybill.api.purchaseorder.PurchaseOrderItemRemoved;
import io.waybill.api.purchaseorder.PurchaseOrderItemView;
import io.waybill.api.purchaseorder.PurchaseOrderLine;
import io.waybill.api.purchaseorder.PurchaseOrderPatch;
import io.waybill.api.purchaseorder.PurchaseOrderReceipt;
import io.waybill.api.purchaseorder.PurchaseOrderReceiptRecorded;
import io.waybill.api.purchaseorder.PurchaseOrderStatus;
import io.waybill.api.purchaseorder.PurchaseOrderStatusEvent;
import io.waybill.api.purchaseorder.PurchaseOrderStockPosted;
import io.waybill.api.purchaseorder.PurchaseOrderView;
import io.waybill.api.purchaseorder.ReceiptAnswer;
import io.waybill.api.purchaseorder.ReceivePurchaseOrder;
import io.waybill.api.purchaseorder.RemovePurchaseOrderItem;
import io.waybill.api.purchaseorder.TargetType;
import io.waybill.api.purchaseorder.UpdatePurchaseOrder;
import io.waybill.api.purchaseorder.UpdatePurchaseOrderItem;
import io.waybill.command.config.CommandSideConfig;
import io.waybill.platform.axon.MessageMetadata;
import io.waybill.command.registry.CatalogReferences;
import io.waybill.command.registry.EntityRegistry;
import io.waybill.command.support.Counters;
import io.waybill.command.support.RecordFields;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/**
 * A purchase order to a vendor: its lifecycle, its costs, and its lines (whose rules live in
 * {@link PurchaseOrderLines}). The vendor, the ship-to location and each line's material or SKU are catalog records
 * of the organisation, kept in use while the order names them.
 */
@Aggregate(cache = CommandSideConfig.AGGREGATE_CACHE)
class PurchaseOrder {

    static final String NUMBER = "PO";
    private static final List<String> PLANNING_ONLY = List.of("vendorId", "shipToLocationId");

    @AggregateIdentifier
    private String purchaseOrderId;
    private String orgId;
    private String poNumber;
    private TargetType targetType;
    private PurchaseOrderDetails details;
    private PurchaseOrderDetails createdDetails;
    private List<PurchaseOrderLine> createdItems;
    private final PurchaseOrderLifecycle lifecycle = new PurchaseOrderLifecycle();
    private final PurchaseOrderLines lines = new PurchaseOrderLines();
    private final PurchaseOrderStock stock = new PurchaseOrderStock();
    private final PurchaseOrderReceipts receipts = new PurchaseOrderReceipts();
    private Instant created;
    private Instant updated;

    PurchaseOrder() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    PurchaseOrderAnswer handle(CreatePurchaseOrder command, EntityRegistry registry, CatalogReferences references,
                               Counters counters) {
        if (orgId != null) {
            if (!sameCreate(command)) {
                throw DomainException.conflict("id " + command.purchaseOrderId()
                        + " is already used by another purchase order", Map.of("id", command.purchaseOrderId()));
            }
            return answer();
        }
        String id = command.purchaseOrderId();
        registry.register(id, command.orgId(), PurchaseOrderKinds.PURCHASE_ORDER, "", null);
        PurchaseOrderUses.use(command.orgId(), command.details(), references, id);
        PurchaseOrderLines.requireDistinct(command.items());
        command.items().forEach(line -> PurchaseOrderLines.register(line, command.orgId(), id,
                command.targetType(), registry, references));
        apply(new PurchaseOrderCreated(id, command.orgId(), counters.next(command.orgId(), NUMBER),
                command.targetType(), command.details(), command.items()));
        return answer();
    }

    @CommandHandler
    PurchaseOrderView handle(UpdatePurchaseOrder command, CatalogReferences references, Clock clock) {
        requireOrg(command.orgId());
        PurchaseOrderPatch patch = command.patch();
        PurchaseOrderDetails next = patch.applyTo(details);
        List<String> changed = RecordFields.changed(details, next);
        PurchaseOrderStatus target = patch.status() == lifecycle.status() ? null : patch.status();
        if (!changed.isEmpty()) {
            lifecycle.requireOpen("change");
            List<String> frozen = changed.stream().filter(PLANNING_ONLY::contains).toList();
            if (!frozen.isEmpty() && !lifecycle.planning()) {
                throw PurchaseOrderSteps.refused(frozen.get(0) + " only changes while the order is Planning");
            }
            PurchaseOrderUses.change(orgId, details, next, references, purchaseOrderId);
            apply(new PurchaseOrderChanged(purchaseOrderId, next, changed));
        }
        if (target != null) {
            lifecycle.requireChangeable("change status");
            if (target == PurchaseOrderStatus.PLACED) {
                PurchaseOrderSteps.requirePlaceable(lines.isEmpty(), details);
            }
            PurchaseOrderStatusEvent step = PurchaseOrderSteps.step(purchaseOrderId, lifecycle.status(),
                    lifecycle.next(), target, patch.statusAt(), clock);
            apply(step);
            post(stock.batch(purchaseOrderId, details.shipToLocationId()).step(target, lines.all()), step.at());
        }
        return view();
    }

    @CommandHandler
    String handle(DeletePurchaseOrder command, EntityRegistry registry, CatalogReferences references) {
        requireOrg(command.orgId());
        lifecycle.requireDeletable();
        lines.ids().forEach(registry::markDeleted);
        registry.markDeleted(purchaseOrderId);
        references.releaseAll(purchaseOrderId);
        apply(new PurchaseOrderDeleted(purchaseOrderId));
        return purchaseOrderId;
    }

    @CommandHandler
    PurchaseOrderItemView handle(AddPurchaseOrderItem command, EntityRegistry registry, CatalogReferences references,
                                 Clock clock) {
        requireOrg(command.orgId());
        lineCommands(clock).add(command, registry, references);
        return itemView(command.line().lineId());
    }

    @CommandHandler
    PurchaseOrderItemView handle(UpdatePurchaseOrderItem command, CatalogReferences references, Clock clock) {
        requireOrg(command.orgId());
        lineCommands(clock).update(command, references);
        return itemView(command.lineId());
    }

    @CommandHandler
    String handle(RemovePurchaseOrderItem command, EntityRegistry registry, CatalogReferences references,
                  Clock clock) {
        requireOrg(command.orgId());
        lineCommands(clock).remove(command, registry, references);
        return command.lineId();
    }

    @CommandHandler
    ReceiptAnswer handle(ReceivePurchaseOrder command, EntityRegistry registry, Clock clock) {
        requireOrg(command.orgId());
        PurchaseOrderReceipt receipt = command.receipt();
        if (!receipts.holds(receipt)) {
            lifecycle.requireReceiving();
            PurchaseOrderReceipts.check(receipt, lines, stock, clock);
            registry.register(receipt.receiptId(), orgId, PurchaseOrderKinds.PURCHASE_ORDER_RECEIPT,
                    purchaseOrderId, null);
            apply(new PurchaseOrderReceiptRecorded(purchaseOrderId, receipt));
            post(stock.batch(purchaseOrderId, details.shipToLocationId()).receive(receipt, lines),
                    receipt.receiptDate());
            boolean inFull = stock.fullyReceived(lines.all());
            if (inFull || lifecycle.status() != PurchaseOrderStatus.PARTIAL) {
                apply(PurchaseOrderSteps.received(purchaseOrderId, inFull, clock.instant()));
            }
        }
        return new ReceiptAnswer(view(), receipts.view(receipt.receiptId(), orgId, purchaseOrderId),
                receipts.items(receipt.receiptId()));
    }

    @CommandHandler
    PurchaseOrderView handle(ControlPurchaseOrder command, Clock clock,
                             @MetaDataValue(MessageMetadata.ACTOR) String actor) {
        requireOrg(command.orgId());
        PurchaseOrderControl control = command.control();
        if (!lifecycle.controls().inEffect(control)) {
            lifecycle.check(control);
            Instant now = clock.instant();
            apply(PurchaseOrderControlEvent.of(control, purchaseOrderId, actor, now));
            if (control == PurchaseOrderControl.VOID || control == PurchaseOrderControl.CLOSE) {
                post(stock.batch(purchaseOrderId, details.shipToLocationId()).releaseAll(lines.all()), now);
            }
        }
        return view();
    }

    @EventSourcingHandler
    void on(PurchaseOrderCreated event, @Timestamp Instant at) {
        purchaseOrderId = event.purchaseOrderId();
        orgId = event.orgId();
        poNumber = event.poNumber();
        targetType = event.targetType();
        details = event.details();
        lifecycle.stepped(PurchaseOrderStatus.PLANNING, at);
        event.items().forEach(line -> lines.added(line, at));
        createdDetails = event.details();
        createdItems = event.items();
        created = at;
        updated = at;
    }

    @EventSourcingHandler
    void on(PurchaseOrderChanged event, @Timestamp Instant at) {
        details = event.details();
        updated = at;
    }

    @EventSourcingHandler
    void on(PurchaseOrderStatusEvent event, @Timestamp Instant at) {
        lifecycle.stepped(event.status(), event.at());
        updated = at;
    }

    @EventSourcingHandler
    void on(PurchaseOrderControlEvent event, @Timestamp Instant at) {
        lifecycle.controlled(event);
        updated = at;
    }

    @EventSourcingHandler
    void on(PurchaseOrderItemAdded event, @Timestamp Instant at) {
        lines.added(event.line(), at);
        updated = at;
    }

    @EventSourcingHandler
    void on(PurchaseOrderItemChanged event, @Timestamp Instant at) {
        lines.changed(event.line(), at);
        updated = at;
    }

    @EventSourcingHandler
    void on(PurchaseOrderItemRemoved event, @Timestamp Instant at) {
        lines.removed(event.lineId());
        updated = at;
    }

    @EventSourcingHandler
    void on(PurchaseOrderReceiptRecorded event, @Timestamp Instant at) {
        receipts.recorded(event.receipt(), at);
        updated = at;
    }

    @EventSourcingHandler
    void on(PurchaseOrderStockPosted event) {
        stock.posted(event.postings());
    }

    @EventSourcingHandler
    void on(PurchaseOrderDeleted event) {
        markDeleted();
    }

    private PurchaseOrderLineCommands lineCommands(Clock clock) {
        return new PurchaseOrderLineCommands(purchaseOrderId, orgId, targetType, details.shipToLocationId(), lifecycle,
                lines, stock, batch -> post(batch, clock.instant()));
    }

    /** A create sent again: same organisation, target type, fields and lines (whatever ids the lines got). */
    private boolean sameCreate(CreatePurchaseOrder command) {
        return orgId.equals(command.orgId()) && targetType == command.targetType()
                && RecordFields.changed(createdDetails, command.details()).isEmpty()
                && PurchaseOrderLines.sameLines(createdItems, command.items());
    }

    /** Records the entries a step owes the ledger, dated the day it happened (UTC). */
    private void post(PurchaseOrderStock.Batch batch, Instant at) {
        post(batch, LocalDate.ofInstant(at, ZoneOffset.UTC));
    }

    private void post(PurchaseOrderStock.Batch batch, LocalDate day) {
        if (!batch.postings().isEmpty()) {
            apply(new PurchaseOrderStockPosted(purchaseOrderId, orgId, targetType.itemKind(), day, batch.postings()));
        }
    }

    private void requireOrg(String caller) {
        if (!orgId.equals(caller)) {
            throw DomainException.notFound("purchase order", purchaseOrderId);
        }
    }

    private PurchaseOrderAnswer answer() {
        return new PurchaseOrderAnswer(view(), lines.ids().stream().map(this::itemView).toList());
    }

    private PurchaseOrderItemView itemView(String lineId) {
        PurchaseOrderLines.Existing line = lines.require(lineId);
        return PurchaseOrderItemView.of(orgId, purchaseOrderId, targetType, line.line(), stock.received(lineId),
                line.created(), line.updated());
    }

    PurchaseOrderView view() {
        return PurchaseOrderView.of(purchaseOrderId, orgId, poNumber, targetType, lifecycle.status(),
                lifecycle.stamps(), details, lifecycle.controls(), created, updated);
    }
}
