package io.waybill.command.workorder;

import io.waybill.api.inventory.EntryType;
import io.waybill.api.inventory.StockPosting;
import io.waybill.api.workorder.WorkOrderReceipt;
import io.waybill.api.workorder.WorkOrderReceiptLine;
import io.waybill.command.inventory.OrderPostings;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The entries a work order decides for the ledger, and which of them each receipt posted and which were reversed.
 * What the order holds of demand and allocation the ledger keeps (it alone sees the stock): placing demands every
 * input and allocates up to it, a receipt consumes from the order's allocation first, and a release takes back
 * whatever the order still holds; so the order names upper bounds and never needs to know the stock. An entry's id
 * is derived from the order and the number of entries it decided before, so posting it again records nothing.
 */
final class WorkOrderStock {

    private final OrderPostings entries = new OrderPostings();

    /** A batch of entries being decided, numbered after those before it. */
    final class Batch {

        private final String workOrderId;
        private final String siteId;
        private final List<StockPosting> postings = new ArrayList<>();

        private Batch(String workOrderId, String siteId) {
            this.workOrderId = workOrderId;
            this.siteId = siteId;
        }

        /** Placing: demand every input at the work site, and allocate as much of it as is available. */
        Batch place(Map<String, BigDecimal> inputs) {
            inputs.forEach((material, quantity) -> add(EntryType.DEMAND, material, quantity, null));
            return allocate(inputs);
        }

        /** Allocates up to what the order still demands of each input (the ledger caps it by stock and demand). */
        Batch allocate(Map<String, BigDecimal> inputs) {
            inputs.forEach((material, quantity) -> add(EntryType.ALLOCATE, material, quantity, null));
            return this;
        }

        /** Completing or cancelling: releases all the order still holds of demand and allocation. */
        Batch release(Map<String, BigDecimal> inputs) {
            inputs.forEach((material, quantity) -> add(EntryType.RELEASE_DEMAND, material, quantity, null));
            inputs.forEach((material, quantity) -> add(EntryType.RELEASE_ALLOCATION, material, quantity, null));
            return this;
        }

        /**
         * A receipt: consumes what its units need of each material, then produces them; so a consumption the
         * ledger refuses comes before anything was produced.
         */
        Batch receive(WorkOrderReceipt receipt, Map<String, BigDecimal> consumption, Map<String, String> skuOfLine) {
            consumption.forEach((material, quantity) -> add(EntryType.CONSUME, material, quantity, null));
            for (WorkOrderReceiptLine item : receipt.items()) {
                add(EntryType.PRODUCE, skuOfLine.get(item.workOrderItemId()), item.quantity(), null);
            }
            return this;
        }

        /**
         * Reverses the entries the receipt posted that stand, productions first: only taking produced units back
         * can be refused (they may have been used), and then nothing else of the receipt was reversed yet.
         */
        Batch reverse(String receiptId) {
            List<StockPosting> standing = receiptEntries(receiptId);
            List<StockPosting> order = new ArrayList<>(standing.stream()
                    .filter(entry -> entry.type() == EntryType.PRODUCE).toList());
            order.addAll(standing.stream().filter(entry -> entry.type() != EntryType.PRODUCE).toList());
            order.forEach(entry -> reversal(entry));
            return this;
        }

        /** Reverses the first {@code posted} entries of the receipt, last first: a later one was refused. */
        Batch reverseFirst(String receiptId, int posted) {
            List<StockPosting> first = new ArrayList<>(receiptEntries(receiptId).subList(0, posted));
            Collections.reverse(first);
            first.forEach(this::reversal);
            return this;
        }

        /**
         * Moves the receipt's standing entries dated otherwise to {@code date}: each is reversed on its own date and
         * posted again on the new one. What adds stock goes first (the new productions, the reversed consumptions),
         * then what takes it (the new consumptions, the reversed productions); so each entry a ledger checks in turn
         * sees the stock the move leaves, and only a shortage between the two dates is refused.
         */
        Batch move(String receiptId, LocalDate date) {
            List<StockPosting> moving = moving(receiptId, date);
            List<StockPosting> produced = moving.stream().filter(entry -> entry.type() == EntryType.PRODUCE).toList();
            List<StockPosting> consumed = moving.stream().filter(entry -> entry.type() == EntryType.CONSUME).toList();
            produced.forEach(entry -> add(entry.type(), entry.itemId(), entry.quantity(), null, date));
            consumed.forEach(this::reversalOnItsDate);
            consumed.forEach(entry -> add(entry.type(), entry.itemId(), entry.quantity(), null, date));
            produced.forEach(this::reversalOnItsDate);
            return this;
        }

        /**
         * Undoes these entries of a move, last first (so again what adds stock before what takes it): a new entry is
         * reversed, a reversed one posted again, each on its own date.
         */
        Batch undo(List<StockPosting> done) {
            List<StockPosting> last = new ArrayList<>(done);
            Collections.reverse(last);
            for (StockPosting entry : last) {
                if (entry.reversedEntryId() == null) {
                    reversalOnItsDate(entry);
                } else {
                    add(entry.type().reverses(), entry.itemId(), entry.quantity(), null, entry.eventDate());
                }
            }
            return this;
        }

        /** Posts these entries again as new ones: their reversals were recorded, and the receipt is back. */
        Batch repost(List<StockPosting> entries) {
            entries.forEach(entry -> add(entry.type(), entry.itemId(), entry.quantity(), null));
            return this;
        }

        List<StockPosting> postings() {
            return List.copyOf(postings);
        }

        /** The entry's reversal, dated as the batch (a deletion's: the day it was deleted). */
        private void reversal(StockPosting entry) {
            add(entry.type().reversal(), entry.itemId(), entry.quantity(), entry.entryId());
        }

        /** The entry's reversal on the entry's own date: a move leaves nothing of it in the stock of any date. */
        private void reversalOnItsDate(StockPosting entry) {
            add(entry.type().reversal(), entry.itemId(), entry.quantity(), entry.entryId(), entry.eventDate());
        }

        private void add(EntryType type, String itemId, BigDecimal quantity, String reversedEntryId) {
            add(type, itemId, quantity, reversedEntryId, null);
        }

        private void add(EntryType type, String itemId, BigDecimal quantity, String reversedEntryId, LocalDate date) {
            if (quantity.signum() > 0) {
                postings.add(new StockPosting(entries.entryId(workOrderId, postings.size()), type, null, itemId,
                        siteId, quantity, null, reversedEntryId, date));
            }
        }
    }

    Batch batch(String workOrderId, String siteId) {
        return new Batch(workOrderId, siteId);
    }

    /** The entries the receipt posted that stand (not reversed), in the order they were posted. */
    List<StockPosting> receiptEntries(String receiptId) {
        return entries.receiptEntries(receiptId);
    }

    /** The entries the receipt posted that stand and are dated otherwise than {@code date}, each with its date. */
    List<StockPosting> moving(String receiptId, LocalDate date) {
        return entries.datedReceiptEntries(receiptId).stream().filter(entry -> !date.equals(entry.eventDate()))
                .toList();
    }

    /** Every entry the receipt ever posted, reversed or not. */
    List<StockPosting> receiptEntriesEver(String receiptId) {
        return entries.receiptEntriesEver(receiptId);
    }

    /** The entries decided when the receipt was last deleted, in order. */
    List<StockPosting> deletion(String receiptId) {
        return entries.deletion(receiptId);
    }

    void posted(List<StockPosting> postings, String receiptId, LocalDate day) {
        entries.posted(postings, receiptId, day);
    }

    void moved(List<StockPosting> postings, String receiptId, LocalDate day) {
        entries.moved(postings, receiptId, day);
    }

    /** Takes back these decided entries: they never reached the ledger (the entries their reversals named stand). */
    void notPosted(List<StockPosting> postings) {
        entries.notPosted(postings);
    }

    /** Whether the decided entry was taken back as never posted. */
    boolean dropped(String entryId) {
        return entries.dropped(entryId);
    }
}
