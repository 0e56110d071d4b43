package io.waybill.command.purchaseorder;

import io.waybill.api.purchaseorder.PurchaseEvent;
import io.waybill.api.purchaseorder.PurchaseEventDetails;
import io.waybill.api.purchaseorder.PurchaseEventType;
import io.waybill.platform.request.CheckedRequest;
import io.waybill.platform.request.Decimal;
import io.waybill.platform.request.Ids;
import io.waybill.platform.request.Problems;
import io.waybill.platform.request.Required;
import io.waybill.platform.request.Sid;
import io.waybill.platform.request.Text;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.waybill.api.purchaseorder.PurchaseEventType.ADJUSTED;
import static io.waybill.api.purchaseorder.PurchaseEventType.CANCELED;
import static io.waybill.api.purchaseorder.PurchaseEventType.COMBINE;
import static io.waybill.api.purchaseorder.PurchaseEventType.DELAYED;
import static io.waybill.api.purchaseorder.PurchaseEventType.DIVIDE;
import static io.waybill.api.purchaseorder.PurchaseEventType.INVOICED;
import static io.waybill.api.purchaseorder.PurchaseEventType.NOTE;
import static io.waybill.api.purchaseorder.PurchaseEventType.RECEIVED;
import static io.waybill.api.purchaseorder.PurchaseEventType.RESCHEDULE;
import static io.waybill.api.purchaseorder.PurchaseEventType.SHIPPED;
import static io.waybill.api.purchaseorder.PurchaseEventType.SNOOZED;
import static io.waybill.api.purchaseorder.PurchaseEventType.VOIDED;
import static io.waybill.platform.request.Decimal.Sign.NOT_NEGATIVE;
import static io.waybill.platform.request.Decimal.Sign.POSITIVE;

/**
 * {@code POST /api/purchase-events}: the lines of one purchase order (each once), the event's type, and what it
 * says. Which fields a type needs, and which it cannot take, is checked here; what the order's state allows, by the
 * order. {@code id} is the idempotency token.
 */
record PurchaseEventRequest(@Sid String id, @Required @Ids(max = PurchaseOrderRequests.MAX_ITEMS)
                            List<String> purchaseOrderItemIds, @Required PurchaseEventType eventType,
                            @Decimal(POSITIVE) BigDecimal quantity, @Text(max = 200) String trackingNumber,
                            @Text(max = 200) String carrier, LocalDate estimatedDelivery,
                            LocalDate expectedShipBy, @Text(max = 200) String invoiceNumber,
                            @Decimal(NOT_NEGATIVE) BigDecimal invoiceAmount,
                            @Decimal(NOT_NEGATIVE) BigDecimal lineTotalPaid,
                            @Decimal(NOT_NEGATIVE) BigDecimal salesTaxPaid,
                            @Decimal(NOT_NEGATIVE) BigDecimal shippingPaid,
                            @Decimal(NOT_NEGATIVE) BigDecimal otherTotalPaid,
                            @Decimal(NOT_NEGATIVE) BigDecimal dutiesPaid,
                            @Text(max = PurchaseOrderRequests.NOTES) String notes, LocalDate snoozedUntil,
                            @Decimal(POSITIVE) BigDecimal divideQuantity) implements CheckedRequest {

    /** The types whose quantity, when given, is of their one line. */
    private static final Set<PurchaseEventType> ONE_LINE_QUANTITY = EnumSet.of(SHIPPED, INVOICED, CANCELED, VOIDED);

    @Override
    public void check(Problems problems) {
        if (purchaseOrderItemIds != null && (purchaseOrderItemIds.isEmpty()
                || Set.copyOf(purchaseOrderItemIds).size() != purchaseOrderItemIds.size())) {
            problems.reject("purchaseOrderItemIds", "must name one or more lines, each once");
        }
        if (eventType == null || purchaseOrderItemIds == null) {
            return;
        }
        int count = purchaseOrderItemIds.size();
        if (eventType == RECEIVED) {
            problems.reject("eventType", "received is not taken: stock comes in by a receipt (POST "
                    + "/api/purchase-orders/{id}/receipts), so that it is never counted twice");
        }
        if ((eventType == DIVIDE || eventType == ADJUSTED) && count != 1) {
            problems.reject("purchaseOrderItemIds", eventType.value() + " is about exactly one line");
        }
        if (eventType == COMBINE && count < 2) {
            problems.reject("purchaseOrderItemIds", "combine names two or more lines, the first being kept");
        }
        if (ONE_LINE_QUANTITY.contains(eventType) && quantity != null && count != 1) {
            problems.reject("quantity", "is the quantity of one line; leave it out to take each line's whole "
                    + "remainder");
        }
        requireWith("quantity", quantity, eventType == ADJUSTED, problems);
        requireWith("divideQuantity", divideQuantity, eventType == DIVIDE, problems);
        requireWith("snoozedUntil", snoozedUntil, eventType == SNOOZED, problems);
        requireWith("notes", notes, eventType == NOTE, problems);
        refuseUnless("divideQuantity", divideQuantity, eventType == DIVIDE, problems);
        refuseUnless("snoozedUntil", snoozedUntil, eventType == SNOOZED, problems);
        refuseUnless("invoiceNumber", invoiceNumber, eventType == INVOICED, problems);
        refuseUnless("invoiceAmount", invoiceAmount, eventType == INVOICED, problems);
        refuseUnless("quantity", quantity, eventType != DIVIDE && eventType != COMBINE && eventType != SNOOZED,
                problems);
        if ((eventType == DELAYED || eventType == RESCHEDULE) && estimatedDelivery == null
                && expectedShipBy == null) {
            problems.reject("estimatedDelivery", eventType.value() + " gives the new estimatedDelivery or "
                    + "expectedShipBy");
        }
    }

    private void requireWith(String field, Object value, boolean needed, Problems problems) {
        if (needed && value == null) {
            problems.reject(field, "is required with eventType " + eventType.value());
        }
    }

    private void refuseUnless(String field, Object value, boolean allowed, Problems problems) {
        if (!allowed && value != null) {
            problems.reject(field, "does not go with eventType " + eventType.value());
        }
    }

    PurchaseEvent event() {
        return new PurchaseEvent(id == null ? UUID.randomUUID().toString() : id, eventType, purchaseOrderItemIds,
                new PurchaseEventDetails(quantity, trackingNumber, carrier, estimatedDelivery, expectedShipBy,
                        invoiceNumber, invoiceAmount, lineTotalPaid, salesTaxPaid, shippingPaid, otherTotalPaid,
                        dutiesPaid, notes, snoozedUntil, divideQuantity), null);
    }
}
