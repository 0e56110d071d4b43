package io.waybill.command.itemgroup;

import io.waybill.api.Change;
import io.waybill.api.DomainException;
import io.waybill.api.ErrorCode;
import io.waybill.api.LineStatus;
import io.waybill.api.itemgroup.ItemGroupArrivalEstimated;
import io.waybill.api.itemgroup.ItemGroupCanceled;
import io.waybill.api.itemgroup.ItemGroupConfirmed;
import io.waybill.api.itemgroup.ItemGroupDelivered;
import io.waybill.api.itemgroup.ItemGroupDeliveryDateChanged;
import io.waybill.api.itemgroup.ItemGroupDeliveryReverted;
import io.waybill.api.itemgroup.ItemGroupDetails;
import io.waybill.api.itemgroup.ItemGroupEvent;
import io.waybill.api.itemgroup.ItemGroupLastUpdateDateChanged;
import io.waybill.api.itemgroup.ItemGroupPatch;
import io.waybill.api.itemgroup.ItemGroupQuantityChanged;
import io.waybill.api.itemgroup.ItemGroupReactivated;
import io.waybill.api.itemgroup.ItemGroupRelationsChanged;
import io.waybill.api.itemgroup.ItemGroupRenamed;
import io.waybill.api.itemgroup.ItemGroupRescheduled;
import io.waybill.api.itemgroup.ItemGroupShipDateChanged;
import io.waybill.api.itemgroup.ItemGroupShipmentReverted;
import io.waybill.api.itemgroup.ItemGroupShipped;
import io.waybill.api.itemgroup.ItemGroupTrackingNumberChanged;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Translates a partial update of a lot into the events that say what happened, in the order they happened. A
 * patch that changes nothing yields no event.
 */
final class ItemGroupChanges {

    private final String sid;
    private final ItemGroupDetails current;
    private final ItemGroupPatch patch;
    private final List<ItemGroupEvent> events = new ArrayList<>();

    private ItemGroupChanges(String sid, ItemGroupDetails current, ItemGroupPatch patch) {
        this.sid = sid;
        this.current = current;
        this.patch = patch;
    }

    static List<ItemGroupEvent> between(String sid, ItemGroupDetails current, ItemGroupPatch patch) {
        return new ItemGroupChanges(sid, current, patch).translate();
    }

    private List<ItemGroupEvent> translate() {
        LineStatus status = required("status", Change.apply(patch.status(), current.status()));
        if (current.status() == LineStatus.CANCELED && status == LineStatus.ACTIVE) {
            events.add(new ItemGroupReactivated(sid));
        }
        String name = Change.apply(patch.uniqueName(), current.uniqueName());
        if (!Objects.equals(name, current.uniqueName())) {
            events.add(new ItemGroupRenamed(sid, current.uniqueName(), name));
        }
        BigDecimal quantity = required("quantity", Change.apply(patch.quantity(), current.quantity()));
        if (quantity.compareTo(current.quantity()) != 0) {
            events.add(new ItemGroupQuantityChanged(sid, current.quantity(), quantity));
        }
        LocalDate due = Change.apply(patch.dueDate(), current.dueDate());
        if (!Objects.equals(due, current.dueDate())) {
            events.add(new ItemGroupRescheduled(sid, current.dueDate(), due));
        }
        shipmentAndDelivery(status);
        LocalDate arrival = Change.apply(patch.estimatedArrivalDate(), current.estimatedArrivalDate());
        if (!Objects.equals(arrival, current.estimatedArrivalDate())) {
            events.add(new ItemGroupArrivalEstimated(sid, current.estimatedArrivalDate(), arrival));
        }
        String tracking = Change.apply(patch.trackingNumber(), current.trackingNumber());
        if (!Objects.equals(tracking, current.trackingNumber())) {
            events.add(new ItemGroupTrackingNumberChanged(sid, current.trackingNumber(), tracking));
        }
        List<String> relations = Change.apply(patch.eventRelations(), current.eventRelations());
        if (!Objects.equals(relations == null ? List.of() : relations, current.eventRelations())) {
            events.add(new ItemGroupRelationsChanged(sid, relations == null ? List.of() : relations));
        }
        Instant lastUpdate = Change.apply(patch.lastUpdateDate(), current.lastUpdateDate());
        if (patch.confirmed()) {
            events.add(new ItemGroupConfirmed(sid, lastUpdate));
        } else if (!Objects.equals(lastUpdate, current.lastUpdateDate())) {
            events.add(new ItemGroupLastUpdateDateChanged(sid, current.lastUpdateDate(), lastUpdate));
        }
        if (current.status() == LineStatus.ACTIVE && status == LineStatus.CANCELED) {
            events.add(new ItemGroupCanceled(sid));
        }
        return events;
    }

    private void shipmentAndDelivery(LineStatus status) {
        boolean delivered = required("delivered", Change.apply(patch.delivered(), current.delivered()));
        boolean shipped = required("shipped", Change.apply(patch.shipped(), current.shipped()));
        if (delivered && !shipped) {
            if (patch.shipped() != null) {
                throw transition("a delivered item group is shipped: shipped cannot be false while delivered is true");
            }
            shipped = true;
        }
        boolean shipping = shipped && !current.shipped();
        boolean delivering = delivered && !current.delivered();
        if ((shipping || delivering) && status == LineStatus.CANCELED) {
            throw transition("a canceled item group cannot be shipped or delivered");
        }
        if (current.delivered() && !delivered) {
            events.add(new ItemGroupDeliveryReverted(sid));
        }
        if (current.shipped() && !shipped) {
            events.add(new ItemGroupShipmentReverted(sid));
        }
        LocalDate shipDate = Change.apply(patch.shipDate(), current.shipDate());
        if (shipping) {
            events.add(new ItemGroupShipped(sid, shipDate));
        } else if (!Objects.equals(shipDate, current.shipDate())) {
            events.add(new ItemGroupShipDateChanged(sid, current.shipDate(), shipDate));
        }
        LocalDate deliveryDate = Change.apply(patch.deliveryDate(), current.deliveryDate());
        if (delivering) {
            events.add(new ItemGroupDelivered(sid, deliveryDate));
        } else if (!Objects.equals(deliveryDate, current.deliveryDate())) {
            events.add(new ItemGroupDeliveryDateChanged(sid, current.deliveryDate(), deliveryDate));
        }
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw DomainException.invalid(field, "cannot be removed");
        }
        return value;
    }

    private static DomainException transition(String message) {
        return new DomainException(ErrorCode.INVALID_TRANSITION, message, Map.of());
    }
}
