package io.waybill.api.workorder;

import io.waybill.api.inventory.EntryType;
import io.waybill.api.inventory.ItemKind;
import io.waybill.api.inventory.LedgerSources;
import io.waybill.api.inventory.StockPosting;
import io.waybill.api.inventory.StockPostingEvent;

import java.time.LocalDate;
import java.util.List;

/**
 * What the work order's last step does to stock, decided by the order: the entries its materials' and SKUs' ledgers
 * are to record, dated {@code eventDate} (or their own date); {@code receiptId} names the receipt whose entries (or
 * whose deletion's reversals) they are, null for other steps. {@code movedFrom}, when not null, says they move the
 * receipt from that date to {@code eventDate}: reversals of its entries and the entries replacing them, each with its
 * own date. A receipt's consumption the ledger refuses takes the receipt back; a deletion's reversal it refuses brings
 * the receipt back; a move's entry it refuses takes the move back.
 */
public record WorkOrderStockPosted(String workOrderId, String orgId, LocalDate eventDate, List<StockPosting> postings,
                                   String receiptId, LocalDate movedFrom) implements WorkOrderEvent, StockPostingEvent {

    public WorkOrderStockPosted {
        postings = List.copyOf(postings);
    }

    /** Entries that move nothing. */
    public WorkOrderStockPosted(String workOrderId, String orgId, LocalDate eventDate, List<StockPosting> postings,
                                String receiptId) {
        this(workOrderId, orgId, eventDate, postings, receiptId, null);
    }

    /** A receipt's move to another date. */
    public boolean move() {
        return movedFrom != null;
    }

    @Override
    public String sourceType() {
        return receiptId == null ? LedgerSources.WORK_ORDER : LedgerSources.WORK_ORDER_RECEIPT;
    }

    @Override
    public String sourceId() {
        return workOrderId;
    }

    /** A work order produces SKUs and demands, allocates and consumes materials. */
    @Override
    public ItemKind itemKind(StockPosting posting) {
        EntryType type = posting.type().isReversal() ? posting.type().reverses() : posting.type();
        return type == EntryType.PRODUCE ? ItemKind.SKU : ItemKind.MATERIAL;
    }

    @Override
    public Object refused(int index, String reason) {
        if (receiptId == null) {
            return null;
        }
        if (move()) {
            return new RevertWorkOrderReceiptMove(workOrderId, orgId, receiptId, movedFrom, index, reason, postings);
        }
        return postings.get(index).reversedEntryId() == null
                ? new RefuseWorkOrderReceipt(workOrderId, orgId, receiptId, index, reason)
                : new RestoreWorkOrderReceipt(workOrderId, orgId, receiptId, index, reason);
    }
}
