package io.waybill.command.workorder;

import io.waybill.api.DomainException;
import io.waybill.api.RecordStreams;
import io.waybill.api.inventory.PostingPlan;
import io.waybill.api.workorder.AddWorkOrderItem;
import io.waybill.api.workorder.AllocateWorkOrder;
import io.waybill.api.workorder.CreateWorkOrder;
import io.waybill.api.workorder.DeleteWorkOrder;
import io.waybill.api.workorder.DeleteWorkOrderReceipt;
import io.waybill.api.workorder.PlanWorkOrderReceipt;
import io.waybill.api.workorder.PlanWorkOrderReceiptDeletion;
import io.waybill.api.workorder.PlanWorkOrderReceiptMove;
import io.waybill.api.workorder.ReceiveWorkOrder;
import io.waybill.api.workorder.RefuseWorkOrderReceipt;
import io.waybill.api.workorder.RemoveWorkOrderItem;
import io.waybill.api.workorder.RestoreWorkOrderReceipt;
import io.waybill.api.workorder.RevertWorkOrderReceiptMove;
import io.waybill.api.workorder.UpdateWorkOrder;
import io.waybill.api.workorder.UpdateWorkOrderItem;
import io.waybill.api.workorder.UpdateWorkOrderReceipt;
import io.waybill.api.workorder.WorkOrderAnswer;
import io.waybill.api.workorder.WorkOrderChanged;
import io.waybill.api.workorder.WorkOrderCreated;
import io.waybill.api.workorder.WorkOrderDeleted;
import io.waybill.api.workorder.WorkOrderItemAdded;
import io.waybill.api.workorder.WorkOrderItemAnswer;
import io.waybill.api.workorder.WorkOrderItemChanged;
import io.waybill.api.workorder.WorkOrderItemRemoved;
import io.waybill.api.workorder.WorkOrderReceiptAnswer;
import io.waybill.api.workorder.WorkOrderReceiptEvent;
import io.waybill.api.workorder.WorkOrderReceiptMoveRefused;
import io.waybill.api.workorder.WorkOrderReceiptRestored;
import io.waybill.api.workorder.WorkOrderStatusEvent;
import io.waybill.api.workorder.WorkOrderStockPosted;
import io.waybill.api.workorder.WorkOrderView;
import io.waybill.command.config.CommandSideConfig;
import io.waybill.command.registry.CatalogReferences;
import io.waybill.command.registry.EntityRegistry;
import io.waybill.command.support.Counters;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/**
 * A work order at a work site: it makes SKUs from materials by the bills of materials its lines recorded, demands
 * and allocates those materials once placed, and takes in what it made by receipts that produce the SKUs and consume
 * the materials. The header and its lifecycle are decided by {@link WorkOrderCommands}, receipts by
 * {@link WorkOrderReceiptCommands}, against the state kept here; what reaches the ledger is decided by
 * {@link WorkOrderStock} and posted by the stock-postings process.
 */
@Aggregate(cache = CommandSideConfig.AGGREGATE_CACHE)
class WorkOrder {

    private String workOrderId;
    private final WorkOrderState state = new WorkOrderState();

    WorkOrder() {
    }

    /** The event-store stream of the record: its id within its organisation ({@link RecordStreams}). */
    @AggregateIdentifier
    String streamId() {
        return workOrderId == null ? null : RecordStreams.of(state.orgId(), workOrderId);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    WorkOrderAnswer handle(CreateWorkOrder command, EntityRegistry registry, CatalogReferences references,
                           Counters counters, Clock clock) {
        if (state.orgId() != null) {
            WorkOrderCommands.requireSame(state.creation(), command);
        } else {
            new WorkOrderCommands(command.workOrderId(), state, clock).create(command, registry, references,
                    counters);
        }
        return state.answer();
    }

    @CommandHandler
    WorkOrderView handle(UpdateWorkOrder command, CatalogReferences references, Clock clock) {
        commands(command.orgId(), clock).update(command.patch(), references);
        return state.view();
    }

    @CommandHandler
    String handle(DeleteWorkOrder command, EntityRegistry registry, CatalogReferences references, Clock clock) {
        commands(command.orgId(), clock).delete(registry, references);
        return workOrderId;
    }

    @CommandHandler
    WorkOrderItemAnswer handle(AddWorkOrderItem command, EntityRegistry registry, CatalogReferences references,
                               Clock clock) {
        commands(command.orgId(), clock).add(command.line(), registry, references);
        return state.itemAnswer(command.line().lineId());
    }

    @CommandHandler
    WorkOrderItemAnswer handle(UpdateWorkOrderItem command, CatalogReferences references, Clock clock) {
        commands(command.orgId(), clock).change(command, references);
        return state.itemAnswer(command.lineId());
    }

    @CommandHandler
    WorkOrderAnswer handle(RemoveWorkOrderItem command, EntityRegistry registry, CatalogReferences references,
                           Clock clock) {
        commands(command.orgId(), clock).remove(command.lineId(), registry, references);
        return state.answer();
    }

    @CommandHandler
    WorkOrderAnswer handle(AllocateWorkOrder command, Clock clock) {
        commands(command.orgId(), clock).allocate();
        return state.answer();
    }

    @CommandHandler
    PostingPlan handle(PlanWorkOrderReceipt command, Clock clock) {
        return receiptCommands(command.orgId(), clock).plan(command.receipt());
    }

    @CommandHandler
    WorkOrderReceiptAnswer handle(ReceiveWorkOrder command, EntityRegistry registry, Clock clock) {
        receiptCommands(command.orgId(), clock).receive(command.receipt(), registry);
        return state.receiptAnswer(command.receipt().receiptId());
    }

    @CommandHandler
    WorkOrderReceiptAnswer handle(UpdateWorkOrderReceipt command, Clock clock) {
        receiptCommands(command.orgId(), clock).change(command.receiptId(), command.notes(), command.receiptDate());
        return state.receiptAnswer(command.receiptId());
    }

    @CommandHandler
    PostingPlan handle(PlanWorkOrderReceiptMove command, Clock clock) {
        return receiptCommands(command.orgId(), clock).planMove(command.receiptId(), command.receiptDate());
    }

    @CommandHandler
    void handle(RevertWorkOrderReceiptMove command, Clock clock) {
        receiptCommands(command.orgId(), clock).revertMove(command.receiptId(), command.movedFrom(),
                command.posted(), command.reason(), command.postings());
    }

    @CommandHandler
    PostingPlan handle(PlanWorkOrderReceiptDeletion command, Clock clock) {
        return receiptCommands(command.orgId(), clock).planDeletion(command.receiptId());
    }

    @CommandHandler
    String handle(DeleteWorkOrderReceipt command, Clock clock) {
        receiptCommands(command.orgId(), clock).delete(command.receiptId());
        return command.receiptId();
    }

    @CommandHandler
    void handle(RefuseWorkOrderReceipt command, Clock clock) {
        receiptCommands(command.orgId(), clock).refuse(command.receiptId(), command.posted(), command.reason());
    }

    @CommandHandler
    void handle(RestoreWorkOrderReceipt command, Clock clock) {
        receiptCommands(command.orgId(), clock).restore(command.receiptId(), command.reversed(), command.reason());
    }

    @EventSourcingHandler
    void on(WorkOrderCreated event, @Timestamp Instant at) {
        workOrderId = event.workOrderId();
        state.created(event, at);
    }

    @EventSourcingHandler
    void on(WorkOrderChanged event, @Timestamp Instant at) {
        state.details(event.details(), at);
    }

    @EventSourcingHandler
    void on(WorkOrderStatusEvent event, @Timestamp Instant at) {
        state.stepped(event, at);
    }

    @EventSourcingHandler
    void on(WorkOrderItemAdded event, @Timestamp Instant at) {
        state.lines().added(event.line(), at);
        state.touched(at);
    }

    @EventSourcingHandler
    void on(WorkOrderItemChanged event, @Timestamp Instant at) {
        state.lines().changed(event.line(), at);
        state.touched(at);
    }

    @EventSourcingHandler
    void on(WorkOrderItemRemoved event, @Timestamp Instant at) {
        state.lines().removed(event.lineId());
        state.touched(at);
    }

    @EventSourcingHandler
    void on(WorkOrderReceiptEvent event, @Timestamp Instant at) {
        int counts = state.receipts().on(event, at);
        if (counts != 0) {
            state.lines().received(state.receipts().receipt(event.receiptId()), counts);
        }
        if (event instanceof WorkOrderReceiptRestored restored) {
            state.stock().notPosted(restored.notPosted());
        } else if (event instanceof WorkOrderReceiptMoveRefused refused) {
            state.stock().notPosted(refused.notPosted());
        }
        state.touched(at);
    }

    @EventSourcingHandler
    void on(WorkOrderStockPosted event) {
        if (event.move()) {
            state.stock().moved(event.postings(), event.receiptId(), event.eventDate());
        } else {
            state.stock().posted(event.postings(), event.receiptId(), event.eventDate());
        }
    }

    @EventSourcingHandler
    void on(WorkOrderDeleted event) {
        markDeleted();
    }

    private WorkOrderCommands commands(String caller, Clock clock) {
        requireOrg(caller);
        return new WorkOrderCommands(workOrderId, state, clock);
    }

    private WorkOrderReceiptCommands receiptCommands(String caller, Clock clock) {
        requireOrg(caller);
        return new WorkOrderReceiptCommands(workOrderId, state, clock);
    }

    private void requireOrg(String caller) {
        if (!state.orgId().equals(caller)) {
            throw DomainException.notFound("work order", workOrderId);
        }
    }
}
