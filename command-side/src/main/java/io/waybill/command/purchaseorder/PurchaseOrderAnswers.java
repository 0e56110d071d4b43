package io.waybill.command.purchaseorder;

import io.waybill.api.purchaseorder.PurchaseEventAnswer;
import io.waybill.api.purchaseorder.PurchaseEventView;
import io.waybill.api.purchaseorder.PurchaseOrderAnswer;
import io.waybill.api.purchaseorder.PurchaseOrderItemView;
import io.waybill.api.purchaseorder.PurchaseOrderView;
import io.waybill.api.purchaseorder.ReceiptAnswer;
import io.waybill.api.purchaseorder.TargetType;

/** What a purchase order's commands answer, from its state: the order, a line, a receipt, a purchase event. */
final class PurchaseOrderAnswers {

    private final PurchaseOrderView view;
    private final TargetType targetType;
    private final PurchaseOrderLines lines;
    private final PurchaseOrderStock stock;
    private final PurchaseOrderReceipts receipts;

    PurchaseOrderAnswers(PurchaseOrderView view, TargetType targetType, PurchaseOrderLines lines,
                         PurchaseOrderStock stock, PurchaseOrderReceipts receipts) {
        this.view = view;
        this.targetType = targetType;
        this.lines = lines;
        this.stock = stock;
        this.receipts = receipts;
    }

    PurchaseOrderAnswer order() {
        return new PurchaseOrderAnswer(view, lines.ids().stream().map(this::item).toList());
    }

    ReceiptAnswer receipt(String receiptId) {
        return new ReceiptAnswer(view, receipts.view(receiptId, view), receipts.items(receiptId));
    }

    PurchaseEventAnswer purchaseEvent(PurchaseEventLog.Recorded recorded) {
        return new PurchaseEventAnswer(PurchaseEventView.of(view.orgId(), view.id(), recorded.event(), recorded.at()),
                view, recorded.lineIds().stream().filter(id -> lines.find(id) != null).map(this::item).toList());
    }

    PurchaseOrderItemView item(String lineId) {
        PurchaseOrderLines.Existing line = lines.require(lineId);
        return PurchaseOrderItemView.of(view.orgId(), view.id(), targetType, line.line(), stock.received(lineId),
                line.progress(), line.created(), line.updated());
    }
}
