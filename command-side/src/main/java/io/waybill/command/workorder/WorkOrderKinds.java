package io.waybill.command.workorder;

import io.waybill.command.registry.Kind;

/** The registry's kinds of a work order, its lines and its receipts. */
public final class WorkOrderKinds {

    public static final Kind WORK_ORDER = new Kind("WORK_ORDER", "work order");
    public static final Kind WORK_ORDER_ITEM = new Kind("WORK_ORDER_ITEM", "work order item");
    public static final Kind WORK_ORDER_RECEIPT = new Kind("WORK_ORDER_RECEIPT", "work order receipt");

    private WorkOrderKinds() {
    }
}
