package io.waybill.command.workorder;

import io.waybill.api.DomainException;
import io.waybill.api.workorder.WorkOrderReceipt;
import io.waybill.api.workorder.WorkOrderReceiptChanged;
import io.waybill.api.workorder.WorkOrderReceiptEvent;
import io.waybill.api.workorder.WorkOrderReceiptItemView;
import io.waybill.api.workorder.WorkOrderReceiptMoveRefused;
import io.waybill.api.workorder.WorkOrderReceiptRecorded;
import io.waybill.api.workorder.WorkOrderReceiptRestored;
import io.waybill.api.workorder.WorkOrderReceiptView;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A work order's receipts, those that stand and those deleted or refused (kept, so their ids stay theirs). */
final class WorkOrderReceipts {

    private record Kept(WorkOrderReceipt receipt, Instant created, Instant updated, boolean stands) {
    }

    private final Map<String, Kept> receipts = new LinkedHashMap<>();

    /**
     * Applies the event (recorded, changed, moved back, deleted, refused or restored): answers whether the receipt's
     * units now count ({@code 1}), no longer count ({@code -1}) or are as they were ({@code 0}).
     */
    int on(WorkOrderReceiptEvent event, Instant at) {
        Kept kept = receipts.get(event.receiptId());
        if (event instanceof WorkOrderReceiptRecorded recorded) {
            receipts.put(recorded.receiptId(), new Kept(recorded.receipt(), at, at, true));
            return 1;
        }
        WorkOrderReceipt r = kept.receipt();
        if (event instanceof WorkOrderReceiptChanged changed) {
            receipts.put(changed.receiptId(), new Kept(new WorkOrderReceipt(r.receiptId(), changed.receiptDate() == null
                    ? r.receiptDate() : changed.receiptDate(), changed.notes(), r.items()), kept.created(), at, true));
            return 0;
        }
        if (event instanceof WorkOrderReceiptMoveRefused refused) {
            receipts.put(refused.receiptId(), new Kept(new WorkOrderReceipt(r.receiptId(), refused.receiptDate(),
                    r.notes(), r.items()), kept.created(), at, true));
            return 0;
        }
        boolean stands = event instanceof WorkOrderReceiptRestored;
        receipts.put(event.receiptId(), new Kept(kept.receipt(), kept.created(), at, stands));
        return stands ? 1 : -1;
    }

    WorkOrderReceipt receipt(String receiptId) {
        return receipts.get(receiptId).receipt();
    }

    /** The receipt ever recorded under this id, standing or not; null if none. */
    WorkOrderReceipt find(String receiptId) {
        Kept kept = receipts.get(receiptId);
        return kept == null ? null : kept.receipt();
    }

    boolean stands(String receiptId) {
        Kept kept = receipts.get(receiptId);
        return kept != null && kept.stands();
    }

    WorkOrderReceipt requireStanding(String receiptId) {
        if (!stands(receiptId)) {
            throw DomainException.notFound("work order receipt", receiptId);
        }
        return receipts.get(receiptId).receipt();
    }

    List<WorkOrderReceipt> standing() {
        return receipts.values().stream().filter(Kept::stands).map(Kept::receipt).toList();
    }

    WorkOrderReceiptView view(String workOrderId, String receiptId) {
        Kept kept = receipts.get(receiptId);
        return new WorkOrderReceiptView(receiptId, workOrderId, kept.receipt().receiptDate(), kept.receipt().notes(),
                kept.created(), kept.updated());
    }

    List<WorkOrderReceiptItemView> items(String receiptId, WorkOrderLines lines) {
        return receipts.get(receiptId).receipt().items().stream().map(item -> new WorkOrderReceiptItemView(receiptId,
                item.workOrderItemId(), lines.require(item.workOrderItemId()).skuId(), item.quantity())).toList();
    }

    /** What the standing receipts consumed of each material. */
    Map<String, BigDecimal> consumed(WorkOrderLines lines) {
        Map<String, BigDecimal> consumed = new LinkedHashMap<>();
        standing().forEach(receipt -> lines.consumption(receipt.items())
                .forEach((material, quantity) -> consumed.merge(material, quantity, BigDecimal::add)));
        return consumed;
    }
}
