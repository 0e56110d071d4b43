package io.waybill.command.purchaseorder;

import io.waybill.api.DomainException;
import io.waybill.api.catalog.CatalogKind;
import io.waybill.api.purchaseorder.AddPurchaseOrderItem;
import io.waybill.api.purchaseorder.CreatePurchaseOrder;
import io.waybill.api.purchaseorder.DeletePurchaseOrder;
import io.waybill.api.purchaseorder.PurchaseOrderAnswer;
import io.waybill.api.purchaseorder.PurchaseOrderChanged;
import io.waybill.api.purchaseorder.PurchaseOrderCreated;
import io.waybill.api.purchaseorder.PurchaseOrderDeleted;
import io.waybill.api.purchaseorder.PurchaseOrderDetails;
import io.waybill.api.purchaseorder.PurchaseOrderItemAdded;
import io.waybill.api.purchaseorder.PurchaseOrderItemChanged;
import io.waybill.api.purchaseorder.PurchaseOrderItemRemoved;
import io.waybill.api.purchaseorder.PurchaseOrderItemView;
import io.waybill.api.purchaseorder.PurchaseOrderLine;
import io.waybill.api.purchaseorder.PurchaseOrderPatch;
import io.waybill.api.purchaseorder.PurchaseOrderStatus;
import io.waybill.api.purchaseorder.PurchaseOrderStatusEvent;
import io.waybill.api.purchaseorder.PurchaseOrderView;
import io.waybill.api.purchaseorder.RemovePurchaseOrderItem;
import io.waybill.api.purchaseorder.TargetType;
import io.waybill.api.purchaseorder.UpdatePurchaseOrder;
import io.waybill.api.purchaseorder.UpdatePurchaseOrderItem;
import io.waybill.command.catalog.CatalogKinds;
import io.waybill.command.config.CommandSideConfig;
import io.waybill.command.registry.CatalogReferences;
import io.waybill.command.registry.EntityRegistry;
import io.waybill.command.support.Counters;
import io.waybill.command.support.RecordFields;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
    private PurchaseOrderStatus status;
    private final Map<PurchaseOrderStatus, Instant> stamps = new EnumMap<>(PurchaseOrderStatus.class);
    private final PurchaseOrderLines lines = new PurchaseOrderLines();
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
        useCatalog(command.orgId(), command.details(), references, id);
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
        PurchaseOrderStatus target = patch.status() == null || patch.status() == status ? null : patch.status();
        if (!changed.isEmpty()) {
            requireOpen("change");
            List<String> frozen = changed.stream().filter(PLANNING_ONLY::contains).toList();
            if (!frozen.isEmpty() && status != PurchaseOrderStatus.PLANNING) {
                throw transition(frozen.get(0) + " can only change while the purchase order is Planning");
            }
            release(details, next, references);
            useCatalog(orgId, next, references, purchaseOrderId);
            apply(new PurchaseOrderChanged(purchaseOrderId, next, changed));
        }
        if (target != null) {
            if (target == PurchaseOrderStatus.PLACED && lines.isEmpty()) {
                throw transition("a purchase order without lines cannot be placed");
            }
            apply(PurchaseOrderSteps.step(purchaseOrderId, status, target, patch.statusAt(), clock));
        }
        return view();
    }

    @CommandHandler
    String handle(DeletePurchaseOrder command, EntityRegistry registry, CatalogReferences references) {
        requireOrg(command.orgId());
        if (status != PurchaseOrderStatus.PLANNING) {
            throw transition("only a purchase order in Planning can be deleted; cancel it instead");
        }
        lines.ids().forEach(registry::markDeleted);
        registry.markDeleted(purchaseOrderId);
        references.releaseAll(purchaseOrderId);
        apply(new PurchaseOrderDeleted(purchaseOrderId));
        return purchaseOrderId;
    }

    @CommandHandler
    PurchaseOrderItemView handle(AddPurchaseOrderItem command, EntityRegistry registry, CatalogReferences references) {
        requireOrg(command.orgId());
        PurchaseOrderLines.Existing existing = lines.find(command.line().lineId());
        if (existing != null) {
            return lines.sameOrConflict(existing, command.line(), this::itemView);
        }
        requireOpen("take new lines");
        requireNamedByTarget(command.named());
        PurchaseOrderLines.register(command.line(), orgId, purchaseOrderId, targetType, registry, references);
        apply(new PurchaseOrderItemAdded(purchaseOrderId, command.line()));
        return itemView(command.line().lineId());
    }

    @CommandHandler
    PurchaseOrderItemView handle(UpdatePurchaseOrderItem command, CatalogReferences references) {
        requireOrg(command.orgId());
        PurchaseOrderLines.LineChange change = lines.change(command);
        if (change.changedFields().isEmpty()) {
            return itemView(command.lineId());
        }
        requireOpen("change its lines");
        if (change.changedFields().contains("itemId")) {
            requireNamedByTarget(command.named());
            if (status != PurchaseOrderStatus.PLANNING) {
                throw transition("a line's item can only change while the purchase order is Planning");
            }
            references.use(orgId, PurchaseOrderLines.kindOf(targetType), change.line().itemId(), purchaseOrderId);
            lines.releaseIfUnused(change.before().itemId(), command.lineId(), references, purchaseOrderId);
        }
        apply(new PurchaseOrderItemChanged(purchaseOrderId, change.line(), change.changedFields()));
        return itemView(command.lineId());
    }

    @CommandHandler
    String handle(RemovePurchaseOrderItem command, EntityRegistry registry, CatalogReferences references) {
        requireOrg(command.orgId());
        PurchaseOrderLines.Existing line = lines.require(command.lineId());
        requireOpen("lose lines");
        lines.releaseIfUnused(line.line().itemId(), command.lineId(), references, purchaseOrderId);
        registry.markDeleted(command.lineId());
        apply(new PurchaseOrderItemRemoved(purchaseOrderId, command.lineId()));
        return command.lineId();
    }

    @EventSourcingHandler
    void on(PurchaseOrderCreated event, @Timestamp Instant at) {
        purchaseOrderId = event.purchaseOrderId();
        orgId = event.orgId();
        poNumber = event.poNumber();
        targetType = event.targetType();
        details = event.details();
        status = PurchaseOrderStatus.PLANNING;
        stamps.put(PurchaseOrderStatus.PLANNING, at);
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
        status = event.status();
        stamps.put(status, event.at());
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
    void on(PurchaseOrderDeleted event) {
        markDeleted();
    }

    /** A create sent again: same organisation, target type, fields and lines (whatever ids the lines got). */
    private boolean sameCreate(CreatePurchaseOrder command) {
        return orgId.equals(command.orgId()) && targetType == command.targetType()
                && RecordFields.changed(createdDetails, command.details()).isEmpty()
                && PurchaseOrderLines.sameLines(createdItems, command.items());
    }

    private void requireNamedByTarget(TargetType named) {
        if (named != targetType) {
            throw DomainException.invalid(named.itemField(), "a purchase order of " + targetType.value()
                    + " names its items by " + targetType.itemField());
        }
    }

    private void requireOpen(String what) {
        if (status == PurchaseOrderStatus.CANCELLED || status == PurchaseOrderStatus.PAID
                || status == PurchaseOrderStatus.RECEIVED) {
            throw transition("a purchase order that is " + status.label() + " cannot " + what);
        }
    }

    private void useCatalog(String org, PurchaseOrderDetails d, CatalogReferences references, String referrer) {
        references.use(org, CatalogKinds.of(CatalogKind.VENDOR), d.vendorId(), referrer);
        if (d.shipToLocationId() != null) {
            references.use(org, CatalogKinds.of(CatalogKind.LOCATION), d.shipToLocationId(), referrer);
        }
    }

    private void release(PurchaseOrderDetails before, PurchaseOrderDetails after, CatalogReferences references) {
        if (!before.vendorId().equals(after.vendorId())) {
            references.release(before.vendorId(), purchaseOrderId);
        }
        if (before.shipToLocationId() != null && !Objects.equals(before.shipToLocationId(), after.shipToLocationId())) {
            references.release(before.shipToLocationId(), purchaseOrderId);
        }
    }

    private void requireOrg(String caller) {
        if (!orgId.equals(caller)) {
            throw DomainException.notFound("purchase order", purchaseOrderId);
        }
    }

    private static DomainException transition(String message) {
        return PurchaseOrderSteps.refused(message);
    }

    private PurchaseOrderAnswer answer() {
        return new PurchaseOrderAnswer(view(), lines.ids().stream().map(this::itemView).toList());
    }

    private PurchaseOrderItemView itemView(String lineId) {
        PurchaseOrderLines.Existing line = lines.require(lineId);
        return PurchaseOrderItemView.of(orgId, purchaseOrderId, targetType, line.line(), line.created(),
                line.updated());
    }

    PurchaseOrderView view() {
        return new PurchaseOrderView(purchaseOrderId, orgId, poNumber, details.vendorId(), targetType, status,
                details.shipToLocationId(), stamps.get(PurchaseOrderStatus.PLANNING),
                stamps.get(PurchaseOrderStatus.PLACED), details.shipDate(), stamps.get(PurchaseOrderStatus.IN_TRANSIT),
                stamps.get(PurchaseOrderStatus.PARTIAL), details.expectedDeliveryDate(),
                stamps.get(PurchaseOrderStatus.RECEIVED), stamps.get(PurchaseOrderStatus.PAID),
                stamps.get(PurchaseOrderStatus.CANCELLED), details.shippingCosts(), details.setupCosts(),
                details.otherCosts(), details.notes(), created, updated);
    }
}
