package io.waybill.api.inventory;

/**
 * The sources that post to the ledger besides people ({@code manual}), and what sets them apart. A work order holds its own share of an item's demand
 * and allocation at a location: its entries ({@code work_order} for placing, allocating and releasing,
 * {@code work_order_receipt} for a receipt's production and consumption, each with the work order's id as
 * {@code sourceId}) draw only on what it holds, and other entries never draw on it.
 */
public final class LedgerSources {

    public static final String PURCHASE_ORDER = "purchase_order";
    public static final String WORK_ORDER = "work_order";
    public static final String WORK_ORDER_RECEIPT = "work_order_receipt";

    private LedgerSources() {
    }

    /** Whether entries of this source type hold their own demand and allocation. */
    public static boolean holdsReservations(String sourceType) {
        return WORK_ORDER.equals(sourceType) || WORK_ORDER_RECEIPT.equals(sourceType);
    }
}
