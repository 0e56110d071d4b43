package io.waybill.command.purchaseorder;

import io.waybill.api.purchaseorder.PurchaseEvent;
import io.waybill.api.purchaseorder.PurchaseEventDetails;
import io.waybill.api.purchaseorder.PurchaseLineDivided;
import io.waybill.api.purchaseorder.PurchaseLineEvent;
import io.waybill.api.purchaseorder.PurchaseLinesCombined;
import io.waybill.api.purchaseorder.PurchaseLinesInvoiced;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The purchase events a purchase order recorded, by id, and what they add up to: the amounts invoiced and paid. */
final class PurchaseEventLog {

    /** A recorded event, when, and the lines its answer shows: those it named that remain, and a divided-off one. */
    record Recorded(PurchaseEvent event, Instant at, List<String> lineIds) {
    }

    private final Map<String, Recorded> recorded = new HashMap<>();
    private BigDecimal invoiced = BigDecimal.ZERO;
    private BigDecimal paid = BigDecimal.ZERO;

    PurchaseEvent find(String id) {
        Recorded event = recorded.get(id);
        return event == null ? null : event.event();
    }

    Recorded require(String id) {
        return recorded.get(id);
    }

    BigDecimal invoiced() {
        return invoiced;
    }

    BigDecimal paid() {
        return paid;
    }

    void recorded(PurchaseLineEvent event, Instant at) {
        PurchaseEvent told = event.event();
        List<String> lineIds = new ArrayList<>(told.lineIds());
        if (event instanceof PurchaseLinesCombined) {
            lineIds.subList(1, lineIds.size()).clear();
        } else if (event instanceof PurchaseLineDivided divided) {
            lineIds.add(divided.newLine().lineId());
        }
        recorded.put(told.id(), new Recorded(told, at, List.copyOf(lineIds)));
        PurchaseEventDetails details = told.details();
        if (event instanceof PurchaseLinesInvoiced && details.invoiceAmount() != null) {
            invoiced = invoiced.add(details.invoiceAmount());
        }
        paid = paid.add(details.paid());
    }
}
