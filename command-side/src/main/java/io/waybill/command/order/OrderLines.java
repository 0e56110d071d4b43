package io.waybill.command.order;

import io.waybill.command.support.RecordFields;
import io.waybill.api.Change;
import io.waybill.api.DomainException;
import io.waybill.api.LineStatus;
import io.waybill.api.order.AddItem;
import io.waybill.api.order.DeleteItem;
import io.waybill.api.order.ItemAdded;
import io.waybill.api.order.ItemCanceled;
import io.waybill.api.order.ItemDeleted;
import io.waybill.api.order.ItemDetails;
import io.waybill.api.order.ItemDetailsChanged;
import io.waybill.api.order.ItemPatch;
import io.waybill.api.order.ItemReactivated;
import io.waybill.api.order.ItemView;
import io.waybill.api.order.UpdateItem;
import io.waybill.command.registry.EntityRegistry;

import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The rules of an order's lines, applied within the order's command handlers. */
record OrderLines(String orderSid, String orgId, Map<String, OrderItem> items) {

    ItemView add(AddItem command, EntityRegistry registry) {
        OrderItem existing = items.get(command.itemSid());
        if (existing != null) {
            if (existing.deleted() || !existing.createdWith().equals(command.details())) {
                throw DomainException.conflict("id " + command.itemSid() + " is already used by another item",
                        Map.of("id", command.itemSid()));
            }
            return existing.view(orderSid, orgId);
        }
        requireFreeName(command.itemSid(), command.details().uniqueName());
        registry.register(command.itemSid(), orgId, OrderKinds.ITEM, orderSid, command.details().uniqueName());
        apply(new ItemAdded(orderSid, command.itemSid(), command.details()));
        return items.get(command.itemSid()).view(orderSid, orgId);
    }

    ItemView update(UpdateItem command, EntityRegistry registry) {
        OrderItem item = live(command.itemSid());
        ItemDetails current = item.details();
        ItemPatch p = command.patch();
        ItemDetails next = new ItemDetails(Change.apply(p.uniqueName(), current.uniqueName()),
                Change.apply(p.title(), current.title()), current.status(),
                Change.apply(p.quantity(), current.quantity()),
                Change.apply(p.pricePerUnit(), current.pricePerUnit()),
                Change.apply(p.nonRecurringCost(), current.nonRecurringCost()),
                Change.apply(p.leadTime(), current.leadTime()), Change.apply(p.shipTime(), current.shipTime()),
                Change.apply(p.lineNumber(), current.lineNumber()),
                Change.apply(p.description(), current.description()),
                Change.apply(p.manufacturerPartNumber(), current.manufacturerPartNumber()),
                Change.apply(p.revision(), current.revision()),
                Change.apply(p.eventRelations(), current.eventRelations()));
        if (next.quantity() == null) {
            throw DomainException.invalid("quantity", "is required and cannot be removed");
        }
        LineStatus status = Change.apply(p.status(), current.status());
        if (status == null) {
            throw DomainException.invalid("status", "cannot be removed");
        }
        List<String> changed = RecordFields.changed(current, next, "status");
        if (changed.contains("uniqueName")) {
            requireFreeName(item.sid(), next.uniqueName());
            registry.rename(orgId, item.sid(), OrderKinds.ITEM, next.uniqueName());
        }
        if (!changed.isEmpty()) {
            apply(new ItemDetailsChanged(orderSid, item.sid(), next, changed));
        }
        if (status != current.status()) {
            apply(status == LineStatus.CANCELED ? new ItemCanceled(orderSid, item.sid())
                    : new ItemReactivated(orderSid, item.sid()));
        }
        return items.get(item.sid()).view(orderSid, orgId);
    }

    String delete(DeleteItem command, EntityRegistry registry, ItemCascade cascade) {
        OrderItem item = live(command.itemSid());
        cascade.deleteChildrenOfItems(orgId, List.of(item.sid()));
        registry.markDeleted(orgId, item.sid());
        apply(new ItemDeleted(orderSid, item.sid()));
        return item.sid();
    }

    private OrderItem live(String itemSid) {
        OrderItem item = items.get(itemSid);
        if (item == null || item.deleted()) {
            throw DomainException.notFound("item", itemSid);
        }
        return item;
    }

    private void requireFreeName(String itemSid, String uniqueName) {
        boolean taken = uniqueName != null && items.values().stream().anyMatch(i -> !i.deleted()
                && !i.sid().equals(itemSid) && uniqueName.equals(i.details().uniqueName()));
        if (taken) {
            throw DomainException.conflict("uniqueName " + uniqueName + " is already used by another item of order "
                    + orderSid, Map.of("field", "uniqueName", "uniqueName", uniqueName));
        }
    }
}
