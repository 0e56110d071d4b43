package io.waybill.command.workorder;

import io.waybill.api.inventory.StockPosting;
import io.waybill.api.workorder.WorkOrderAnswer;
import io.waybill.api.workorder.WorkOrderCreated;
import io.waybill.api.workorder.WorkOrderDetails;
import io.waybill.api.workorder.WorkOrderItemAnswer;
import io.waybill.api.workorder.WorkOrderReceiptAnswer;
import io.waybill.api.workorder.WorkOrderReopened;
import io.waybill.api.workorder.WorkOrderStatus;
import io.waybill.api.workorder.WorkOrderStatusEvent;
import io.waybill.api.workorder.WorkOrderStockPosted;
import io.waybill.api.workorder.WorkOrderView;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * What a work order knows: its number, fields, status and the stamp of each step, its lines, receipts and the
 * entries it decided; and the answers it gives. Its commands decide against this state.
 */
final class WorkOrderState {

    private String workOrderId;
    private String orgId;
    private String woNumber;
    private WorkOrderDetails details;
    private WorkOrderCreated creation;
    private WorkOrderStatus status;
    private final Map<WorkOrderStatus, Instant> stamps = new EnumMap<>(WorkOrderStatus.class);
    private final WorkOrderLines lines = new WorkOrderLines();
    private final WorkOrderStock stock = new WorkOrderStock();
    private final WorkOrderReceipts receipts = new WorkOrderReceipts();
    private Instant created;
    private Instant updated;

    void created(WorkOrderCreated event, Instant at) {
        workOrderId = event.workOrderId();
        orgId = event.orgId();
        woNumber = event.woNumber();
        details = event.details();
        creation = event;
        status = WorkOrderStatus.DRAFT;
        stamps.put(WorkOrderStatus.DRAFT, at);
        event.items().forEach(line -> lines.added(line, at));
        created = at;
        updated = at;
    }

    void details(WorkOrderDetails next, Instant at) {
        details = next;
        updated = at;
    }

    void stepped(WorkOrderStatusEvent event, Instant at) {
        status = event.status();
        if (event instanceof WorkOrderReopened) {
            stamps.remove(WorkOrderStatus.PARTIAL);
            stamps.remove(WorkOrderStatus.RECEIVED);
        } else {
            stamps.put(status, event.at());
        }
        if (status == WorkOrderStatus.PARTIAL) {
            stamps.remove(WorkOrderStatus.RECEIVED);
        }
        updated = at;
    }

    void touched(Instant at) {
        updated = at;
    }

    /** Records the entries a step owes the ledger, dated {@code day}; {@code receiptId} when they are a receipt's. */
    void post(WorkOrderStock.Batch batch, LocalDate day, String receiptId) {
        postMove(batch, day, receiptId, null);
    }

    /**
     * Records the entries that move the receipt from {@code from} to {@code day}, each with its own date (with
     * {@code from} null: entries that move nothing).
     */
    void postMove(WorkOrderStock.Batch batch, LocalDate day, String receiptId, LocalDate from) {
        List<StockPosting> postings = batch.postings();
        if (!postings.isEmpty()) {
            apply(new WorkOrderStockPosted(workOrderId, orgId, day, postings, receiptId, from));
        }
    }

    /** Records the entries of a step that happened {@code at}, dated that day (UTC). */
    void post(WorkOrderStock.Batch batch, Instant at) {
        post(batch, LocalDate.ofInstant(at, ZoneOffset.UTC), null);
    }

    WorkOrderStock.Batch batch() {
        return stock.batch(workOrderId, details.workSiteLocationId());
    }

    /** The status before the first receipt: the last of In Transit, Production and Placed it reached. */
    WorkOrderStatus beforeReceipts() {
        return stamps.containsKey(WorkOrderStatus.IN_TRANSIT) ? WorkOrderStatus.IN_TRANSIT
                : stamps.containsKey(WorkOrderStatus.PRODUCTION) ? WorkOrderStatus.PRODUCTION
                : WorkOrderStatus.PLACED;
    }

    String orgId() {
        return orgId;
    }

    WorkOrderCreated creation() {
        return creation;
    }

    WorkOrderDetails details() {
        return details;
    }

    WorkOrderStatus status() {
        return status;
    }

    WorkOrderLines lines() {
        return lines;
    }

    WorkOrderStock stock() {
        return stock;
    }

    WorkOrderReceipts receipts() {
        return receipts;
    }

    WorkOrderView view() {
        return WorkOrderView.of(workOrderId, orgId, woNumber, status, stamps, details, created, updated);
    }

    WorkOrderAnswer answer() {
        return new WorkOrderAnswer(view(), lines.views(workOrderId), lines.inputViews(receipts.consumed(lines)));
    }

    WorkOrderItemAnswer itemAnswer(String lineId) {
        return new WorkOrderItemAnswer(lines.view(workOrderId, lineId), lines.inputViews(receipts.consumed(lines)));
    }

    WorkOrderReceiptAnswer receiptAnswer(String receiptId) {
        return new WorkOrderReceiptAnswer(view(), receipts.view(workOrderId, receiptId),
                receipts.items(receiptId, lines));
    }
}
