package io.waybill.api.purchaseorder;

import io.waybill.api.inventory.ItemKind;

import java.time.LocalDate;
import java.util.List;

/**
 * What the purchase order's last step does to stock, decided by the order: the entries its items' ledgers are to
 * record, dated {@code eventDate}; {@code receiptId} names the receipt whose entries (or whose deletion's reversals)
 * they are, null for other steps. One process posts them to the ledgers, each exactly once.
 */
public record PurchaseOrderStockPosted(String purchaseOrderId, String orgId, ItemKind itemKind, LocalDate eventDate,
                                       List<StockPosting> postings, String receiptId) implements PurchaseOrderEvent {

    public PurchaseOrderStockPosted {
        postings = List.copyOf(postings);
    }

    /** Entries of a step that is not about a receipt. */
    public PurchaseOrderStockPosted(String purchaseOrderId, String orgId, ItemKind itemKind, LocalDate eventDate,
                                    List<StockPosting> postings) {
        this(purchaseOrderId, orgId, itemKind, eventDate, postings, null);
    }
}
