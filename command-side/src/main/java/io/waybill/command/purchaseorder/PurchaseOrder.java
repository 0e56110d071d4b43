package io.waybill.command.purchaseorder;

import io.waybill.api.DomainException;
import io.waybill.api.RecordStreams;
import io.waybill.api.purchaseorder.AddPurchaseOrderItem;
import io.waybill.api.purchaseorder.ControlPurchaseOrder;
import io.waybill.api.purchaseorder.CreatePurchaseOrder;
import io.waybill.api.purchaseorder.DeletePurchaseOrder;
import io.waybill.api.purchaseorder.DeletePurchaseOrderReceipt;
import io.waybill.api.purchaseorder.PlanReceiptDeletion;
import io.waybill.api.purchaseorder.PurchaseEvent;
import io.waybill.api.purchaseorder.PurchaseEventAnswer;
import io.waybill.api.purchaseorder.PurchaseLineEvent;
import io.waybill.api.purchaseorder.PurchaseOrderAnswer;
import io.waybill.api.purchaseorder.PurchaseOrderChanged;
import io.waybill.api.purchaseorder.PurchaseOrderControlEvent;
import io.waybill.api.purchaseorder.PurchaseOrderCreated;
import io.waybill.api.purchaseorder.PurchaseOrderDeleted;
import io.waybill.api.purchaseorder.PurchaseOrderDetails;
import io.waybill.api.purchaseorder.PurchaseOrderItemEvent;
import io.waybill.api.purchaseorder.PurchaseOrderItemView;
import io.waybill.api.purchaseorder.PurchaseOrderReceiptEvent;
import io.waybill.api.purchaseorder.PurchaseOrderReceiptRestored;
import io.waybill.api.purchaseorder.PurchaseOrderStatus;
import io.waybill.api.purchaseorder.PurchaseOrderStatusEvent;
import io.waybill.api.purchaseorder.PurchaseOrderStockPosted;
import io.waybill.api.purchaseorder.PurchaseOrderView;
import io.waybill.api.purchaseorder.ReceiptAnswer;
import io.waybill.api.purchaseorder.ReceiptDeletionPlan;
import io.waybill.api.purchaseorder.ReceivePurchaseOrder;
import io.waybill.api.purchaseorder.RecordPurchaseEvent;
import io.waybill.api.purchaseorder.RemovePurchaseOrderItem;
import io.waybill.api.purchaseorder.RestorePurchaseOrderReceipt;
import io.waybill.api.purchaseorder.TargetType;
import io.waybill.api.purchaseorder.UpdatePurchaseOrder;
import io.waybill.api.purchaseorder.UpdatePurchaseOrderItem;
import io.waybill.api.purchaseorder.UpdatePurchaseOrderReceipt;
import io.waybill.command.config.CommandSideConfig;
import io.waybill.command.registry.CatalogReferences;
import io.waybill.command.registry.EntityRegistry;
import io.waybill.command.support.Counters;
import io.waybill.platform.axon.MessageMetadata;
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

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/**
 * A purchase order to a vendor: its fields, lifecycle and controls, its lines and its receipts, and what it has put
 * in the inventory ledger. Each kind of command is decided by its own class ({@link PurchaseOrderHeaderCommands},
 * {@link PurchaseOrderLineCommands}, {@link PurchaseOrderReceiptCommands}) against the state kept here. The vendor,
 * the ship-to location and each line's material or SKU are catalog records of the organisation, kept in use while
 * the order names them.
 */
@Aggregate(cache = CommandSideConfig.AGGREGATE_CACHE)
class PurchaseOrder {
    private String purchaseOrderId;
    private String orgId;
    private String poNumber;
    private TargetType targetType;
    private PurchaseOrderDetails details;
    private PurchaseOrderCreated creation;
    private final PurchaseOrderLifecycle lifecycle = new PurchaseOrderLifecycle();
    private final PurchaseOrderLines lines = new PurchaseOrderLines();
    private final PurchaseOrderStock stock = new PurchaseOrderStock();
    private final PurchaseOrderReceipts receipts = new PurchaseOrderReceipts();
    private final PurchaseEventLog purchaseEvents = new PurchaseEventLog();
    private Instant created;
    private Instant updated;

    /** The event-store stream of the record: its id within its organisation ({@link RecordStreams}). */
    @AggregateIdentifier
    String streamId() {
        return purchaseOrderId == null ? null : RecordStreams.of(orgId, purchaseOrderId);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    PurchaseOrderAnswer handle(CreatePurchaseOrder command, EntityRegistry registry, CatalogReferences references,
                               Counters counters) {
        if (orgId != null) {
            PurchaseOrderCreation.requireSame(creation, command);
        } else {
            PurchaseOrderCreation.create(command, registry, references, counters);
        }
        return answers().order();
    }

    @CommandHandler
    PurchaseOrderView handle(UpdatePurchaseOrder command, CatalogReferences references, ApprovalSetting approval,
                             Clock clock) {
        requireOrg(command.orgId());
        headerCommands(clock).update(command.patch(), references, approval);
        return view();
    }

    @CommandHandler
    String handle(DeletePurchaseOrder command, EntityRegistry registry, CatalogReferences references, Clock clock) {
        requireOrg(command.orgId());
        headerCommands(clock).delete(registry, references);
        return purchaseOrderId;
    }

    @CommandHandler
    PurchaseOrderItemView handle(AddPurchaseOrderItem command, EntityRegistry registry, CatalogReferences references,
                                 Clock clock) {
        requireOrg(command.orgId());
        lineCommands(clock).add(command, registry, references);
        return answers().item(command.line().lineId());
    }

    @CommandHandler
    PurchaseOrderItemView handle(UpdatePurchaseOrderItem command, CatalogReferences references, Clock clock) {
        requireOrg(command.orgId());
        lineCommands(clock).update(command, references);
        return answers().item(command.lineId());
    }

    @CommandHandler
    String handle(RemovePurchaseOrderItem command, EntityRegistry registry, CatalogReferences references,
                  Clock clock) {
        requireOrg(command.orgId());
        lineCommands(clock).remove(command, registry, references);
        return command.lineId();
    }

    @CommandHandler
    ReceiptAnswer handle(ReceivePurchaseOrder command, EntityRegistry registry, CatalogReferences references,
                         Clock clock) {
        requireOrg(command.orgId());
        receiptCommands(clock).receive(command.receipt(), registry, references);
        return answers().receipt(command.receipt().receiptId());
    }

    @CommandHandler
    ReceiptAnswer handle(UpdatePurchaseOrderReceipt command, Clock clock) {
        requireOrg(command.orgId());
        receiptCommands(clock).change(command.receiptId(), command.notes());
        return answers().receipt(command.receiptId());
    }

    @CommandHandler
    ReceiptDeletionPlan handle(PlanReceiptDeletion command, Clock clock) {
        requireOrg(command.orgId());
        return new ReceiptDeletionPlan(receiptCommands(clock).plan(command.receiptId()));
    }

    @CommandHandler
    String handle(DeletePurchaseOrderReceipt command, Clock clock) {
        requireOrg(command.orgId());
        receiptCommands(clock).delete(command.receiptId());
        return command.receiptId();
    }

    @CommandHandler
    void handle(RestorePurchaseOrderReceipt command, Clock clock) {
        requireOrg(command.orgId());
        receiptCommands(clock).restore(command.receiptId(), command.reversed(), command.reason());
    }

    @CommandHandler
    PurchaseOrderView handle(ControlPurchaseOrder command, Clock clock,
                             @MetaDataValue(MessageMetadata.ACTOR) String actor) {
        requireOrg(command.orgId());
        headerCommands(clock).control(command.control(), actor);
        return view();
    }

    @CommandHandler
    PurchaseEventAnswer handle(RecordPurchaseEvent command, EntityRegistry registry, Clock clock,
                               @MetaDataValue(MessageMetadata.ACTOR) String actor) {
        requireOrg(command.orgId());
        PurchaseEvent event = command.event().recordedBy(actor);
        new PurchaseEventCommands(purchaseOrderId, orgId, details.shipToLocationId(), lifecycle, lines, stock,
                batch -> post(batch, clock.instant()), () -> receiptCommands(clock).step(), clock)
                .record(event, purchaseEvents.find(event.id()), registry);
        return answers().purchaseEvent(purchaseEvents.require(event.id()));
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
        creation = event;
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
        lifecycle.on(event);
        updated = at;
    }

    @EventSourcingHandler
    void on(PurchaseOrderControlEvent event, @Timestamp Instant at) {
        lifecycle.controlled(event);
        updated = at;
    }

    @EventSourcingHandler
    void on(PurchaseOrderItemEvent event, @Timestamp Instant at) {
        lines.on(event, at);
        updated = at;
    }

    @EventSourcingHandler
    void on(PurchaseLineEvent event, @Timestamp Instant at) {
        lines.told(event, at);
        purchaseEvents.recorded(event, at);
        updated = at;
    }

    @EventSourcingHandler
    void on(PurchaseOrderReceiptEvent event, @Timestamp Instant at) {
        receipts.on(event, at);
        if (event instanceof PurchaseOrderReceiptRestored restored) {
            stock.notPosted(restored.notPosted());
        }
        updated = at;
    }

    @EventSourcingHandler
    void on(PurchaseOrderStockPosted event) {
        stock.posted(event.postings(), event.receiptId(), event.eventDate());
    }

    @EventSourcingHandler
    void on(PurchaseOrderDeleted event) {
        markDeleted();
    }

    private PurchaseOrderLineCommands lineCommands(Clock clock) {
        return new PurchaseOrderLineCommands(purchaseOrderId, orgId, targetType, details.shipToLocationId(), lifecycle,
                lines, stock, batch -> post(batch, clock.instant()));
    }

    private PurchaseOrderHeaderCommands headerCommands(Clock clock) {
        return new PurchaseOrderHeaderCommands(purchaseOrderId, orgId, details, lifecycle, lines, stock, this::post,
                clock);
    }

    private PurchaseOrderReceiptCommands receiptCommands(Clock clock) {
        return new PurchaseOrderReceiptCommands(purchaseOrderId, orgId, details.shipToLocationId(), lifecycle, lines,
                stock, receipts, this::post, clock);
    }

    /** Records the entries a step owes the ledger, dated the day it happened (UTC). */
    private void post(PurchaseOrderStock.Batch batch, Instant at) {
        post(batch, LocalDate.ofInstant(at, ZoneOffset.UTC), null);
    }

    private void post(PurchaseOrderStock.Batch batch, LocalDate day, String receiptId) {
        if (!batch.postings().isEmpty()) {
            apply(new PurchaseOrderStockPosted(purchaseOrderId, orgId, targetType.itemKind(), day, batch.postings(),
                    receiptId));
        }
    }

    private void requireOrg(String caller) {
        if (!orgId.equals(caller)) {
            throw DomainException.notFound("purchase order", purchaseOrderId);
        }
    }

    private PurchaseOrderAnswers answers() {
        return new PurchaseOrderAnswers(view(), targetType, lines, stock, receipts);
    }

    PurchaseOrderView view() {
        return PurchaseOrderView.of(purchaseOrderId, orgId, poNumber, targetType, lifecycle.status(),
                lifecycle.stamps(), details, purchaseEvents.invoiced(), purchaseEvents.paid(), lifecycle.controls(),
                created, updated);
    }
}
