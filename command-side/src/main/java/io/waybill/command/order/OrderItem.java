package io.waybill.command.order;

import io.waybill.api.LineStatus;
import io.waybill.api.order.ItemDetails;
import io.waybill.api.order.ItemView;

import java.time.Instant;

/**
 * An order line as its order remembers it; {@code createdWith} is what it was created with, against which a
 * repeated create (same sid) is compared.
 */
record OrderItem(String sid, ItemDetails details, ItemDetails createdWith, Instant created, Instant updated,
                 boolean deleted) {

    static OrderItem added(String sid, ItemDetails details, Instant at) {
        return new OrderItem(sid, details, details, at, at, false);
    }

    OrderItem with(ItemDetails newDetails, Instant at) {
        return new OrderItem(sid, newDetails.withStatus(details.status()), createdWith, created, at, deleted);
    }

    OrderItem canceled(Instant at) {
        return new OrderItem(sid, details.withStatus(LineStatus.CANCELED), createdWith, created, at, deleted);
    }

    OrderItem reactivated(Instant at) {
        return new OrderItem(sid, details.withStatus(LineStatus.ACTIVE), createdWith, created, at, deleted);
    }

    OrderItem deleted(Instant at) {
        return new OrderItem(sid, details, createdWith, created, at, true);
    }

    ItemView view(String orderSid, String orgId) {
        return ItemView.of(sid, orderSid, orgId, details, created, updated);
    }
}
