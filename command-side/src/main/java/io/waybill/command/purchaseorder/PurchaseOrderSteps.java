package io.waybill.command.purchaseorder;

import io.waybill.api.DomainException;
import io.waybill.api.ErrorCode;
import io.waybill.api.purchaseorder.PurchaseOrderCancelled;
import io.waybill.api.purchaseorder.PurchaseOrderDetails;
import io.waybill.api.purchaseorder.PurchaseOrderFullyReceived;
import io.waybill.api.purchaseorder.PurchaseOrderInTransit;
import io.waybill.api.purchaseorder.PurchaseOrderPaid;
import io.waybill.api.purchaseorder.PurchaseOrderPartlyReceived;
import io.waybill.api.purchaseorder.PurchaseOrderPlaced;
import io.waybill.api.purchaseorder.PurchaseOrderReopened;
import io.waybill.api.purchaseorder.PurchaseOrderStatus;
import io.waybill.api.purchaseorder.PurchaseOrderStatusEvent;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The steps of a purchase order's lifecycle that a request asks for, each its own event with its stamp. */
final class PurchaseOrderSteps {

    private PurchaseOrderSteps() {
    }

    /**
     * The event of moving from {@code from} to {@code to}, stamped {@code given} (never in the future) or else now;
     * {@code invalid_transition}, naming the allowed next statuses, when {@code next} has no such step.
     */
    static PurchaseOrderStatusEvent step(String purchaseOrderId, PurchaseOrderStatus from,
                                         List<PurchaseOrderStatus> next, PurchaseOrderStatus to, Instant given,
                                         Clock clock) {
        List<String> allowed = next.stream().map(PurchaseOrderStatus::label).toList();
        if (!next.contains(to)) {
            throw new DomainException(ErrorCode.INVALID_TRANSITION, "a purchase order that is " + from.label()
                    + " cannot become " + to.label() + (allowed.isEmpty() ? ""
                    : "; it can become " + String.join(" or ", allowed)),
                    Map.of("status", from.label(), "allowed", allowed));
        }
        Instant now = clock.instant();
        if (given != null && given.isAfter(now)) {
            throw DomainException.invalid(to.stampField(), "must not be in the future");
        }
        Instant at = given == null ? now : given;
        return switch (to) {
            case PLACED -> new PurchaseOrderPlaced(purchaseOrderId, at);
            case IN_TRANSIT -> new PurchaseOrderInTransit(purchaseOrderId, at);
            case PAID -> new PurchaseOrderPaid(purchaseOrderId, at);
            case CANCELLED -> new PurchaseOrderCancelled(purchaseOrderId, at);
            case PLANNING, PARTIAL, RECEIVED -> throw new IllegalStateException(to + " is never asked for");
        };
    }

    /** Refuses to place an order without lines or without the location where its stock will arrive. */
    static void requirePlaceable(boolean noLines, PurchaseOrderDetails details) {
        if (noLines || details.shipToLocationId() == null) {
            throw refused("a purchase order is placed with its lines and its shipToLocationId, where the stock will "
                    + "arrive");
        }
    }

    /**
     * The step receipts (taken in, deleted or brought back) take the order to from {@code current}: received in
     * full, partly, or back to {@code before} the first receipt when nothing is received any more; null when it
     * stays where it is.
     */
    static PurchaseOrderStatusEvent afterReceipts(String purchaseOrderId, PurchaseOrderStatus current, boolean inFull,
                                                  boolean any, PurchaseOrderStatus before, Instant at) {
        PurchaseOrderStatus next = inFull ? PurchaseOrderStatus.RECEIVED : any ? PurchaseOrderStatus.PARTIAL : before;
        if (next == current) {
            return null;
        }
        return switch (next) {
            case RECEIVED -> new PurchaseOrderFullyReceived(purchaseOrderId, at);
            case PARTIAL -> new PurchaseOrderPartlyReceived(purchaseOrderId, at);
            default -> new PurchaseOrderReopened(purchaseOrderId, next, at);
        };
    }

    static DomainException refused(String message) {
        return new DomainException(ErrorCode.INVALID_TRANSITION, message, Map.of());
    }
}
