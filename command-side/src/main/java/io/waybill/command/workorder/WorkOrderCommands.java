package io.waybill.command.workorder;

import io.waybill.api.Change;
import io.waybill.api.DomainException;
import io.waybill.api.ErrorCode;
import io.waybill.api.workorder.CreateWorkOrder;
import io.waybill.api.workorder.UpdateWorkOrderItem;
import io.waybill.api.workorder.WorkOrderCancelled;
import io.waybill.api.workorder.WorkOrderChanged;
import io.waybill.api.workorder.WorkOrderCompleted;
import io.waybill.api.workorder.WorkOrderCreated;
import io.waybill.api.workorder.WorkOrderDeleted;
import io.waybill.api.workorder.WorkOrderDetails;
import io.waybill.api.workorder.WorkOrderEntered;
import io.waybill.api.workorder.WorkOrderInTransit;
import io.waybill.api.workorder.WorkOrderItemAdded;
import io.waybill.api.workorder.WorkOrderItemChanged;
import io.waybill.api.workorder.WorkOrderItemRemoved;
import io.waybill.api.workorder.WorkOrderLine;
import io.waybill.api.workorder.WorkOrderPatch;
import io.waybill.api.workorder.WorkOrderPlaced;
import io.waybill.api.workorder.WorkOrderProductionStarted;
import io.waybill.api.workorder.WorkOrderReturnedToDraft;
import io.waybill.api.workorder.WorkOrderStatus;
import io.waybill.api.workorder.WorkOrderStatusEvent;
import io.waybill.command.registry.CatalogReferences;
import io.waybill.command.registry.EntityRegistry;
import io.waybill.command.support.Counters;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** Creating a work order, changing its fields and lines, moving it through its lifecycle, and allocating again. */
final class WorkOrderCommands {

    static final String NUMBER = "WO";

    private final String workOrderId;
    private final WorkOrderState state;
    private final Clock clock;

    WorkOrderCommands(String workOrderId, WorkOrderState state, Clock clock) {
        this.workOrderId = workOrderId;
        this.state = state;
        this.clock = clock;
    }

    /**
     * The first create claims the order's and its lines' ids, puts the catalog records it names in use, numbers it
     * in the organisation's {@code WO} series, and takes it to the status asked for (Draft, Entered or Placed).
     */
    void create(CreateWorkOrder command, EntityRegistry registry, CatalogReferences references, Counters counters) {
        String org = command.orgId();
        registry.register(workOrderId, org, WorkOrderKinds.WORK_ORDER, "", null);
        WorkOrderLines.requireDistinct(command.items());
        command.items().forEach(line -> registry.register(line.lineId(), org, WorkOrderKinds.WORK_ORDER_ITEM,
                workOrderId, null));
        WorkOrderUses.sync(org, workOrderId, Map.of(), WorkOrderUses.named(command.details(), command.items()),
                references);
        apply(new WorkOrderCreated(workOrderId, org, counters.next(org, NUMBER), command.details(), command.items()));
        if (command.status() != WorkOrderStatus.DRAFT) {
            step(command.status(), null);
        }
    }

    /** A create sent again has the same organisation, fields and lines (SKU, quantity, conversion cost). */
    static void requireSame(WorkOrderCreated created, CreateWorkOrder command) {
        boolean same = created.orgId().equals(command.orgId()) && created.details().equals(command.details())
                && created.items().size() == command.items().size();
        for (int i = 0; same && i < created.items().size(); i++) {
            WorkOrderLine a = created.items().get(i);
            WorkOrderLine b = command.items().get(i);
            same = a.skuId().equals(b.skuId()) && a.quantity().compareTo(b.quantity()) == 0
                    && Objects.equals(a.conversionCost(), b.conversionCost());
        }
        if (!same) {
            throw DomainException.conflict("id " + command.workOrderId() + " is already used by another work order",
                    Map.of("id", command.workOrderId()));
        }
    }

    /** Changes the fields (the work site only before the order is placed), then moves to the status asked for. */
    void update(WorkOrderPatch patch, CatalogReferences references) {
        WorkOrderDetails before = state.details();
        WorkOrderDetails next = patch.applyTo(before);
        if (!next.equals(before)) {
            requireNotClosed("change");
            if (!next.workSiteLocationId().equals(before.workSiteLocationId()) && !state.status().editable()) {
                throw refused("workSiteLocationId only changes before the work order is placed");
            }
            WorkOrderUses.sync(state.orgId(), workOrderId, WorkOrderUses.named(before, state.lines().all()),
                    WorkOrderUses.named(next, state.lines().all()), references);
            apply(new WorkOrderChanged(workOrderId, next));
        }
        if (patch.status() != null && patch.status() != state.status()) {
            step(patch.status(), patch.statusAt());
        }
    }

    /** Deletes the order, only before it is placed: its and its lines' ids and its catalog records are freed. */
    void delete(EntityRegistry registry, CatalogReferences references) {
        if (!state.status().editable()) {
            throw refused("only a work order in Draft or Entered can be deleted; cancel it instead");
        }
        state.lines().ids().forEach(line -> registry.markDeleted(state.orgId(), line));
        registry.markDeleted(state.orgId(), workOrderId);
        references.releaseAll(state.orgId(), workOrderId);
        apply(new WorkOrderDeleted(workOrderId));
    }

    void add(WorkOrderLine line, EntityRegistry registry, CatalogReferences references) {
        requireEditable("take new lines");
        registry.register(line.lineId(), state.orgId(), WorkOrderKinds.WORK_ORDER_ITEM, workOrderId, null);
        List<WorkOrderLine> after = new ArrayList<>(state.lines().all());
        after.add(line);
        syncUses(after, references);
        apply(new WorkOrderItemAdded(workOrderId, line));
    }

    /** Changes a line's SKU (with its BOM as it is now), quantity or conversion cost, before the order is placed. */
    void change(UpdateWorkOrderItem command, CatalogReferences references) {
        WorkOrderLine line = state.lines().require(command.lineId());
        boolean newSku = command.skuId() != null && !command.skuId().equals(line.skuId());
        WorkOrderLine next = new WorkOrderLine(line.lineId(), newSku ? command.skuId() : line.skuId(),
                command.quantity() == null ? line.quantity() : command.quantity(),
                Change.apply(command.conversionCost(), line.conversionCost()),
                newSku ? command.bom() : line.bom());
        if (next.equals(line)) {
            return;
        }
        requireEditable("change its lines");
        List<WorkOrderLine> after = state.lines().all().stream()
                .map(each -> each.lineId().equals(line.lineId()) ? next : each).toList();
        syncUses(after, references);
        apply(new WorkOrderItemChanged(workOrderId, next));
    }

    void remove(String lineId, EntityRegistry registry, CatalogReferences references) {
        state.lines().require(lineId);
        requireEditable("remove lines");
        registry.markDeleted(state.orgId(), lineId);
        syncUses(state.lines().all().stream().filter(line -> !line.lineId().equals(lineId)).toList(), references);
        apply(new WorkOrderItemRemoved(workOrderId, lineId));
    }

    /** Asks the ledger again for the order's shortage: allowed while it is placed and open. */
    void allocate() {
        if (!state.status().open()) {
            throw refused("a work order that is " + state.status().label() + " holds no demand to allocate; it is "
                    + "allocated once placed, until it is completed or cancelled");
        }
        state.post(state.batch().allocate(state.lines().inputs()), clock.instant());
    }

    /**
     * Moves to {@code target}, stamped {@code given} (never in the future) or else now: placing demands and allocates
     * the inputs, completing and cancelling a placed order release what it still holds.
     */
    private void step(WorkOrderStatus target, Instant given) {
        WorkOrderStatus from = state.status();
        List<String> allowed = from.next().stream().map(WorkOrderStatus::label).toList();
        if (!from.next().contains(target)) {
            throw new DomainException(ErrorCode.INVALID_TRANSITION, "a work order that is " + from.label()
                    + " cannot become " + target.label() + (allowed.isEmpty() ? ""
                    : "; it can become " + String.join(" or ", allowed)),
                    Map.of("status", from.label(), "allowed", allowed));
        }
        Instant now = clock.instant();
        if (given != null && given.isAfter(now)) {
            throw DomainException.invalid(target.stampField(), "must not be in the future");
        }
        if (target == WorkOrderStatus.PLACED && state.lines().isEmpty()) {
            throw refused("a work order is placed with its lines: add at least one");
        }
        Instant at = given == null ? now : given;
        WorkOrderStatusEvent event = switch (target) {
            case DRAFT -> new WorkOrderReturnedToDraft(workOrderId, at);
            case ENTERED -> new WorkOrderEntered(workOrderId, at);
            case PLACED -> new WorkOrderPlaced(workOrderId, at);
            case PRODUCTION -> new WorkOrderProductionStarted(workOrderId, at);
            case IN_TRANSIT -> new WorkOrderInTransit(workOrderId, at);
            case COMPLETED -> new WorkOrderCompleted(workOrderId, at);
            case CANCELLED -> new WorkOrderCancelled(workOrderId, at);
            case PARTIAL, RECEIVED -> throw new IllegalStateException(target + " is never asked for");
        };
        apply(event);
        Map<String, BigDecimal> inputs = state.lines().inputs();
        if (target == WorkOrderStatus.PLACED) {
            state.post(state.batch().place(inputs), at);
        } else if (from.open() && (target == WorkOrderStatus.COMPLETED || target == WorkOrderStatus.CANCELLED)) {
            state.post(state.batch().release(inputs), at);
        }
    }

    private void syncUses(List<WorkOrderLine> after, CatalogReferences references) {
        WorkOrderUses.sync(state.orgId(), workOrderId, WorkOrderUses.named(state.details(), state.lines().all()),
                WorkOrderUses.named(state.details(), after), references);
    }

    private void requireEditable(String what) {
        if (!state.status().editable()) {
            throw refused("a work order that is " + state.status().label() + " cannot " + what
                    + "; its lines change only in Draft or Entered");
        }
    }

    private void requireNotClosed(String what) {
        if (state.status() == WorkOrderStatus.COMPLETED || state.status() == WorkOrderStatus.CANCELLED) {
            throw refused("a work order that is " + state.status().label() + " cannot " + what);
        }
    }

    static DomainException refused(String message) {
        return new DomainException(ErrorCode.INVALID_TRANSITION, message, Map.of());
    }
}
