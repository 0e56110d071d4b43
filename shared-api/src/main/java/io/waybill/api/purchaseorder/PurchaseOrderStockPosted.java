package io.waybill.api.purchaseorder;

import io.waybill.api.inventory.ItemKind;
import io.waybill.api.inventory.LedgerSources;
import io.waybill.api.inventory.StockPosting;
import io.waybill.api.inventory.StockPostingEvent;

import java.time.LocalDate;
import java.util.List;

/**
 * What the purchase order's last step does to stock, decided by the order: the entries its items' ledgers are to
 * record, dated {@code eventDate}; {@code receiptId} names the receipt whose entries (or whose deletion's reversals)
 * they are, null for other steps. One process posts them to the ledgers, each exactly once; a reversal the ledger
 * refuses (a deleted receipt whose stock was used after the deletion was checked) brings the receipt back.
 */
public record PurchaseOrderStockPosted(String purchaseOrderId, String orgId, ItemKind itemKind, LocalDate eventDate,
                                       List<StockPosting> postings, String receiptId)
        implements PurchaseOrderEvent, StockPostingEvent {

    public PurchaseOrderStockPosted {
        postings = List.copyOf(postings);
    }

    /** Entries of a step that is not about a receipt. */
    public PurchaseOrderStockPosted(String purchaseOrderId, String orgId, ItemKind itemKind, LocalDate eventDate,
                                    List<StockPosting> postings) {
        this(purchaseOrderId, orgId, itemKind, eventDate, postings, null);
    }

    @Override
    public String sourceType() {
        return LedgerSources.PURCHASE_ORDER;
    }

    @Override
    public String sourceId() {
        return purchaseOrderId;
    }

    @Override
    public ItemKind itemKind(StockPosting posting) {
        return itemKind;
    }

    @Override
    public Object refused(int index, String reason) {
        boolean reversal = postings.get(index).reversedEntryId() != null;
        return reversal && receiptId != null
                ? new RestorePurchaseOrderReceipt(purchaseOrderId, orgId, receiptId, index, reason) : null;
    }
}
