package io.waybill.api.workorder;

/** What happens to a work order, its lines and receipts. Stored history: never rename or move one of these. */
public sealed interface WorkOrderEvent permits WorkOrderCreated, WorkOrderChanged, WorkOrderItemAdded,
        WorkOrderItemChanged, WorkOrderItemRemoved, WorkOrderStatusEvent, WorkOrderReceiptEvent,
        WorkOrderStockPosted, WorkOrderDeleted {

    String workOrderId();
}
