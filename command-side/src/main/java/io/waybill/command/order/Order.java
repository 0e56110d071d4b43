package io.waybill.command.order;

import io.waybill.api.Change;
import io.waybill.api.DomainException;
import io.waybill.api.RecordStreams;
import io.waybill.api.order.AddItem;
import io.waybill.api.order.CreateOrder;
import io.waybill.api.order.DeleteItem;
import io.waybill.api.order.DeleteOrder;
import io.waybill.api.order.ItemAdded;
import io.waybill.api.order.ItemCanceled;
import io.waybill.api.order.ItemDeleted;
import io.waybill.api.order.ItemDetailsChanged;
import io.waybill.api.order.ItemReactivated;
import io.waybill.api.order.ItemView;
import io.waybill.api.order.OrderCreated;
import io.waybill.api.order.OrderDeleted;
import io.waybill.api.order.OrderDetails;
import io.waybill.api.order.OrderDetailsChanged;
import io.waybill.api.order.OrderView;
import io.waybill.api.order.UpdateItem;
import io.waybill.api.order.UpdateOrder;
import io.waybill.command.config.CommandSideConfig;
import io.waybill.command.registry.EntityRegistry;
import io.waybill.command.support.RecordFields;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/** An order placed with a vendor, holding its lines. Line rules live in {@link OrderLines}. */
@Aggregate(cache = CommandSideConfig.AGGREGATE_CACHE)
class Order {

    private String orderSid;
    private String orgId;
    private OrderDetails details;
    private OrderDetails createdWith;
    private Instant created;
    private Instant updated;
    private final Map<String, OrderItem> items = new LinkedHashMap<>();

    Order() {
    }

    /** The event-store stream of the record: its id within its organisation ({@link RecordStreams}). */
    @AggregateIdentifier
    String streamId() {
        return orderSid == null ? null : RecordStreams.of(orgId, orderSid);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    OrderView handle(CreateOrder command, EntityRegistry registry) {
        if (orgId != null) {
            if (!orgId.equals(command.orgId()) || !createdWith.equals(command.details())) {
                throw DomainException.conflict("id " + command.orderSid() + " is already used by another order",
                        Map.of("id", command.orderSid()));
            }
            return view();
        }
        requireVendor(command.details());
        registry.register(command.orderSid(), command.orgId(), OrderKinds.ORDER, "", command.details().uniqueName());
        apply(new OrderCreated(command.orderSid(), command.orgId(), command.details()));
        return view();
    }

    @CommandHandler
    OrderView handle(UpdateOrder command, EntityRegistry registry) {
        requireOrg(command.orgId());
        OrderDetails next = new OrderDetails(Change.apply(command.vendorSid(), details.vendorSid()),
                Change.apply(command.vendorName(), details.vendorName()),
                Change.apply(command.uniqueName(), details.uniqueName()),
                Change.apply(command.title(), details.title()),
                Change.apply(command.eventRelations(), details.eventRelations()));
        List<String> changed = RecordFields.changed(details, next);
        if (changed.isEmpty()) {
            return view();
        }
        requireVendor(next);
        if (changed.contains("uniqueName")) {
            registry.rename(orgId, orderSid, OrderKinds.ORDER, next.uniqueName());
        }
        apply(new OrderDetailsChanged(orderSid, next, changed));
        return view();
    }

    @CommandHandler
    String handle(DeleteOrder command, EntityRegistry registry, ItemCascade cascade) {
        requireOrg(command.orgId());
        List<String> liveItems = items.values().stream().filter(i -> !i.deleted()).map(OrderItem::sid).toList();
        cascade.deleteChildrenOfItems(orgId, liveItems);
        liveItems.forEach(item -> registry.markDeleted(orgId, item));
        registry.markDeleted(orgId, orderSid);
        apply(new OrderDeleted(orderSid));
        return orderSid;
    }

    @CommandHandler
    ItemView handle(AddItem command, EntityRegistry registry) {
        requireOrg(command.orgId());
        return lines().add(command, registry);
    }

    @CommandHandler
    ItemView handle(UpdateItem command, EntityRegistry registry) {
        requireOrg(command.orgId());
        return lines().update(command, registry);
    }

    @CommandHandler
    String handle(DeleteItem command, EntityRegistry registry, ItemCascade cascade) {
        requireOrg(command.orgId());
        return lines().delete(command, registry, cascade);
    }

    private OrderLines lines() {
        return new OrderLines(orderSid, orgId, items);
    }

    private void requireOrg(String callerOrg) {
        if (!orgId.equals(callerOrg)) {
            throw DomainException.notFound("order", orderSid);
        }
    }

    private static void requireVendor(OrderDetails details) {
        if (details.vendorSid() == null && details.vendorName() == null) {
            throw DomainException.invalid("vendorId", "at least one of vendorId and vendorName is required");
        }
    }

    private OrderView view() {
        return new OrderView(orderSid, orgId, details.uniqueName(), details.vendorSid(), details.vendorName(),
                details.title(), details.eventRelations(), created, updated);
    }

    @EventSourcingHandler
    void on(OrderCreated event, @Timestamp Instant at) {
        orderSid = event.orderSid();
        orgId = event.orgId();
        details = event.details();
        createdWith = event.details();
        created = at;
        updated = at;
    }

    @EventSourcingHandler
    void on(OrderDetailsChanged event, @Timestamp Instant at) {
        details = event.details();
        updated = at;
    }

    @EventSourcingHandler
    void on(OrderDeleted event) {
        markDeleted();
    }

    @EventSourcingHandler
    void on(ItemAdded event, @Timestamp Instant at) {
        items.put(event.itemSid(), OrderItem.added(event.itemSid(), event.details(), at));
    }

    @EventSourcingHandler
    void on(ItemDetailsChanged event, @Timestamp Instant at) {
        items.computeIfPresent(event.itemSid(), (sid, item) -> item.with(event.details(), at));
    }

    @EventSourcingHandler
    void on(ItemCanceled event, @Timestamp Instant at) {
        items.computeIfPresent(event.itemSid(), (sid, item) -> item.canceled(at));
    }

    @EventSourcingHandler
    void on(ItemReactivated event, @Timestamp Instant at) {
        items.computeIfPresent(event.itemSid(), (sid, item) -> item.reactivated(at));
    }

    @EventSourcingHandler
    void on(ItemDeleted event, @Timestamp Instant at) {
        items.computeIfPresent(event.itemSid(), (sid, item) -> item.deleted(at));
    }
}
