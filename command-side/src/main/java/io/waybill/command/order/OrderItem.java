package io.waybill.command.order;

import io.waybill.api.LineStatus;
import io.waybill.api.order.ItemDetails;
import io.waybill.api.order.ItemView;

import java.time.Instant;

/** An order line as its order remembers it. */
record OrderItem(String sid, ItemDetails details, Instant created, Instant updated, boolean deleted) {

    OrderItem with(ItemDetails newDetails, Instant at) {
        return new OrderItem(sid, newDetails.withStatus(details.status()), created, at, deleted);
    }

    OrderItem canceled(Instant at) {
        return new OrderItem(sid, details.withStatus(LineStatus.CANCELED), created, at, deleted);
    }

    OrderItem reactivated(Instant at) {
        return new OrderItem(sid, details.withStatus(LineStatus.ACTIVE), created, at, deleted);
    }

    OrderItem deleted(Instant at) {
        return new OrderItem(sid, details, created, at, true);
    }

    ItemView view(String orderSid, String orgId) {
        return ItemView.of(sid, orderSid, orgId, details, created, updated);
    }
}
