package io.waybill.command.purchaseorder;

import io.waybill.api.DomainException;
import io.waybill.api.purchaseorder.LineQuantity;
import io.waybill.api.purchaseorder.PurchaseEvent;
import io.waybill.api.purchaseorder.PurchaseLineAdjusted;
import io.waybill.api.purchaseorder.PurchaseLineDivided;
import io.waybill.api.purchaseorder.PurchaseLinesCanceled;
import io.waybill.api.purchaseorder.PurchaseLinesCombined;
import io.waybill.api.purchaseorder.PurchaseLinesInvoiced;
import io.waybill.api.purchaseorder.PurchaseLinesNoted;
import io.waybill.api.purchaseorder.PurchaseLinesRescheduled;
import io.waybill.api.purchaseorder.PurchaseLinesShipped;
import io.waybill.api.purchaseorder.PurchaseLinesSnoozed;
import io.waybill.api.purchaseorder.PurchaseOrderInTransit;
import io.waybill.api.purchaseorder.PurchaseOrderLine;
import io.waybill.api.purchaseorder.PurchaseOrderStatus;
import io.waybill.command.inventory.OrderPostings;
import io.waybill.command.registry.EntityRegistry;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Purchase events (seed 002) on a purchase order's lines, decided against the order's state. Each type has its rule:
 * shipped and invoiced count quantities (each line's whole remainder unless one line's quantity is given), and a
 * shipment moves a placed order In Transit; canceled and voided take quantities off the lines and release what was on
 * order of them; divide splits a line in two, combine merges lines of one item into the first, adjusted sets a line's
 * quantity, each moving on order with the quantities; delayed, reschedule and confirm move expected dates; snoozed
 * sets a snooze; the others are kept on the history. A locked or voided order takes none.
 */
final class PurchaseEventCommands {

    private final String purchaseOrderId;
    private final String orgId;
    private final PurchaseOrderLifecycle lifecycle;
    private final PurchaseOrderLines lines;
    private final PurchaseOrderStock stock;
    private final PurchaseOrderStock.Batch batch;
    private final Consumer<PurchaseOrderStock.Batch> post;
    private final Runnable afterReceived;
    private final Clock clock;

    PurchaseEventCommands(String purchaseOrderId, String orgId, String shipToLocationId,
                          PurchaseOrderLifecycle lifecycle, PurchaseOrderLines lines, PurchaseOrderStock stock,
                          Consumer<PurchaseOrderStock.Batch> post, Runnable afterReceived, Clock clock) {
        this.purchaseOrderId = purchaseOrderId;
        this.orgId = orgId;
        this.lifecycle = lifecycle;
        this.lines = lines;
        this.stock = stock;
        this.batch = stock.batch(purchaseOrderId, shipToLocationId);
        this.post = post;
        this.afterReceived = afterReceived;
        this.clock = clock;
    }

    /** Records the event; false when it was recorded before (another event with its id is a conflict). */
    boolean record(PurchaseEvent event, PurchaseEvent before, EntityRegistry registry) {
        if (before != null) {
            if (!before.sameAs(event)) {
                throw DomainException.conflict("id " + event.id() + " is already used by another purchase event",
                        Map.of("id", event.id()));
            }
            return false;
        }
        event.lineIds().forEach(lines::require);
        lifecycle.requireChangeable("take purchase events");
        Runnable decided = switch (event.type()) {
            case SHIPPED -> shipped(event);
            case INVOICED -> invoiced(event);
            case CANCELED, VOIDED -> canceled(event);
            case DIVIDE -> divided(event, registry);
            case COMBINE -> combined(event, registry);
            case ADJUSTED -> adjusted(event);
            case DELAYED, RESCHEDULE, CONFIRM -> () -> apply(new PurchaseLinesRescheduled(purchaseOrderId, event));
            case SNOOZED -> () -> apply(new PurchaseLinesSnoozed(purchaseOrderId, event));
            case RECEIVED -> throw DomainException.invalid("eventType", "received is not taken: stock comes in by a "
                    + "receipt (POST /api/purchase-orders/{id}/receipts), so that it is never counted twice");
            default -> () -> apply(new PurchaseLinesNoted(purchaseOrderId, event));
        };
        registry.register(event.id(), orgId, PurchaseOrderKinds.PURCHASE_EVENT, purchaseOrderId, null);
        decided.run();
        return true;
    }

    /** The line a divide made, derived from the event so that the same divide always names the same line. */
    static String dividedLineId(String purchaseOrderId, String eventId) {
        return OrderPostings.derivedId(purchaseOrderId + "/divide/" + eventId);
    }

    private Runnable shipped(PurchaseEvent event) {
        requirePlaced("be shipped");
        List<LineQuantity> shipped = quantities(event, "ship",
                line -> line.line().quantity().subtract(line.progress().quantityShipped()));
        return () -> {
            apply(new PurchaseLinesShipped(purchaseOrderId, event, shipped));
            if (lifecycle.status() == PurchaseOrderStatus.PLACED
                    && lifecycle.next().contains(PurchaseOrderStatus.IN_TRANSIT)) {
                apply(new PurchaseOrderInTransit(purchaseOrderId, clock.instant()));
            }
        };
    }

    private Runnable invoiced(PurchaseEvent event) {
        requirePlaced("be invoiced");
        List<LineQuantity> invoiced = quantities(event, "invoice",
                line -> line.line().quantity().subtract(line.progress().quantityInvoiced()));
        return () -> apply(new PurchaseLinesInvoiced(purchaseOrderId, event, invoiced));
    }

    /** Takes the quantities off the lines; an order whose lines are then all received in full is Received. */
    private Runnable canceled(PurchaseEvent event) {
        lifecycle.requireOpen("cancel lines");
        requirePlaced("be canceled; remove the line instead");
        List<LineQuantity> canceled = quantities(event, "cancel", this::expected);
        BigDecimal given = event.details().quantity();
        BigDecimal open = expected(lines.require(event.lineIds().get(0)));
        if (given != null && given.compareTo(open) > 0) {
            throw DomainException.invalid("quantity", "must be at most what the line still expects, "
                    + open.toPlainString());
        }
        return () -> {
            apply(new PurchaseLinesCanceled(purchaseOrderId, event, canceled));
            settle(event.lineIds());
            if (stock.anyReceived(lines.all())) {
                afterReceived.run();
            }
        };
    }

    private Runnable divided(PurchaseEvent event, EntityRegistry registry) {
        lifecycle.requireOpen("divide lines");
        PurchaseOrderLines.Existing line = lines.require(event.lineIds().get(0));
        BigDecimal part = event.details().divideQuantity();
        if (part.compareTo(line.line().quantity()) >= 0 || part.compareTo(expected(line)) > 0) {
            throw DomainException.invalid("divideQuantity", "must be less than the line's quantity and at most what "
                    + "it still expects, " + expected(line).toPlainString());
        }
        PurchaseOrderLine divided = new PurchaseOrderLine(dividedLineId(purchaseOrderId, event.id()),
                line.line().itemId(), part, line.line().unitCost());
        return () -> {
            registry.register(divided.lineId(), orgId, PurchaseOrderKinds.PURCHASE_ORDER_ITEM, purchaseOrderId, null);
            apply(new PurchaseLineDivided(purchaseOrderId, event, divided));
            settle(List.of(line.line().lineId(), divided.lineId()));
        };
    }

    private Runnable combined(PurchaseEvent event, EntityRegistry registry) {
        lifecycle.requireOpen("combine lines");
        PurchaseOrderLine first = lines.require(event.lineIds().get(0)).line();
        BigDecimal total = BigDecimal.ZERO;
        List<PurchaseOrderLine> merged = new ArrayList<>();
        for (String lineId : event.lineIds()) {
            PurchaseOrderLine line = lines.require(lineId).line();
            if (!line.itemId().equals(first.itemId()) || !sameCost(line.unitCost(), first.unitCost())) {
                throw DomainException.invalid("purchaseOrderItemIds", "combined lines must be of one item at one unit "
                        + "cost; line " + lineId + " is not like line " + first.lineId());
            }
            if (line != first && stock.received(lineId).signum() > 0) {
                throw PurchaseOrderSteps.refused("line " + lineId + " took in stock and cannot be merged into "
                        + "another; name it first to combine the others into it");
            }
            total = total.add(line.quantity());
            if (line != first) {
                merged.add(line);
            }
        }
        BigDecimal quantity = total;
        return () -> {
            apply(new PurchaseLinesCombined(purchaseOrderId, event, quantity));
            merged.forEach(line -> registry.markDeleted(orgId, line.lineId()));
            if (lifecycle.onOrder()) {
                merged.forEach(line -> batch.settle(new PurchaseOrderLine(line.lineId(), line.itemId(),
                        BigDecimal.ZERO, line.unitCost())));
                post.accept(batch.settle(lines.require(first.lineId()).line()));
            }
        };
    }

    private Runnable adjusted(PurchaseEvent event) {
        lifecycle.requireOpen("adjust lines");
        PurchaseOrderLines.Existing line = lines.require(event.lineIds().get(0));
        BigDecimal quantity = event.details().quantity();
        BigDecimal received = stock.received(line.line().lineId());
        if (quantity.compareTo(received) < 0) {
            throw DomainException.invalid("quantity", "must be at least what the line's receipts took in, "
                    + received.toPlainString());
        }
        return () -> {
            apply(new PurchaseLineAdjusted(purchaseOrderId, event, line.ordering(quantity)));
            settle(event.lineIds());
        };
    }

    /**
     * The quantity of each line: the one given (for a single line), or else what {@code rest} says is left of each
     * line, leaving out the lines with nothing left; refused when that leaves none.
     */
    private List<LineQuantity> quantities(PurchaseEvent event, String verb,
                                          Function<PurchaseOrderLines.Existing, BigDecimal> rest) {
        BigDecimal given = event.details().quantity();
        if (given != null) {
            return List.of(new LineQuantity(event.lineIds().get(0), given));
        }
        List<LineQuantity> quantities = event.lineIds().stream()
                .map(id -> new LineQuantity(id, rest.apply(lines.require(id))))
                .filter(quantity -> quantity.quantity().signum() > 0).toList();
        if (quantities.isEmpty()) {
            throw DomainException.invalid("quantity", "the lines have nothing left to " + verb + "; give quantity "
                    + "(for one line) to " + verb + " more");
        }
        return quantities;
    }

    /** What the line still expects: its quantity less what its receipts took in. */
    private BigDecimal expected(PurchaseOrderLines.Existing line) {
        return line.line().quantity().subtract(stock.received(line.line().lineId())).max(BigDecimal.ZERO);
    }

    /** Brings what the lines have on order to what they now expect, while the order is on order. */
    private void settle(List<String> lineIds) {
        if (lifecycle.onOrder()) {
            lineIds.forEach(id -> batch.settle(lines.require(id).line()));
            post.accept(batch);
        }
    }

    private void requirePlaced(String what) {
        PurchaseOrderStatus status = lifecycle.status();
        if (status == PurchaseOrderStatus.PLANNING || status == PurchaseOrderStatus.CANCELLED) {
            throw PurchaseOrderSteps.refused("the lines of a purchase order that is " + status.label()
                    + " cannot " + what);
        }
    }

    private static boolean sameCost(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
