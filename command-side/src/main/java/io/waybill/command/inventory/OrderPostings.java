package io.waybill.command.inventory;

import io.waybill.api.inventory.StockPosting;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The ledger entries an order (purchase or work) decided: counted, so that each new one gets the next id derived from
 * the order (the same decision always names the same entry, and posting it again records nothing); and per receipt,
 * the entries it posted (and on which date), which of them were reversed since, what its last deletion decided, and
 * which decided entries were never posted.
 */
public final class OrderPostings {

    private final Map<String, Map<String, StockPosting>> byReceipt = new HashMap<>();
    private final Set<String> reversed = new HashSet<>();
    private final Map<String, List<StockPosting>> deletions = new HashMap<>();
    private final Set<String> dropped = new HashSet<>();
    private final Map<String, LocalDate> dates = new HashMap<>();
    private int decided;

    /** The id of the entry decided {@code offset} after all those decided before, for the order {@code orderId}. */
    public String entryId(String orderId, int offset) {
        return derivedId(orderId + "/stock/" + (decided + offset));
    }

    /** A name-based id: the same key always gives the same id. */
    public static String derivedId(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The entries the receipt posted that stand (not reversed), in the order they were posted. */
    public List<StockPosting> receiptEntries(String receiptId) {
        return byReceipt.getOrDefault(receiptId, Map.of()).values().stream()
                .filter(entry -> !reversed.contains(entry.entryId())).toList();
    }

    /** The entries the receipt posted that stand, each with the date it was posted on. */
    public List<StockPosting> datedReceiptEntries(String receiptId) {
        return receiptEntries(receiptId).stream().map(entry -> entry.dated(dates.get(entry.entryId()))).toList();
    }

    /** Every entry the receipt ever posted, reversed or not. */
    public List<StockPosting> receiptEntriesEver(String receiptId) {
        return List.copyOf(byReceipt.getOrDefault(receiptId, Map.of()).values());
    }

    /** The entries decided when the receipt was last deleted (its reversals, and what followed them), in order. */
    public List<StockPosting> deletion(String receiptId) {
        return deletions.getOrDefault(receiptId, List.of());
    }

    /**
     * Counts entries decided, dated {@code day} unless they carry their own date; {@code receiptId} names the receipt
     * they were decided for, or null: its new entries, or its deletion's reversals and what followed them.
     */
    public void posted(List<StockPosting> postings, String receiptId, LocalDate day) {
        boolean deletion = postings.stream().anyMatch(posting -> posting.reversedEntryId() != null);
        if (receiptId != null && deletion) {
            deletions.put(receiptId, postings);
        }
        record(postings, deletion ? null : receiptId, day);
    }

    /** Counts the entries of the receipt's move to another date: reversals of its entries, and their replacements. */
    public void moved(List<StockPosting> postings, String receiptId, LocalDate day) {
        record(postings, receiptId, day);
    }

    private void record(List<StockPosting> postings, String receiptId, LocalDate day) {
        for (StockPosting posting : postings) {
            if (posting.reversedEntryId() != null) {
                reversed.add(posting.reversedEntryId());
            } else if (receiptId != null) {
                byReceipt.computeIfAbsent(receiptId, id -> new LinkedHashMap<>()).put(posting.entryId(), posting);
                dates.put(posting.entryId(), posting.eventDate() == null ? day : posting.eventDate());
            }
            decided++;
        }
    }

    /**
     * Takes back decided entries that never reached the ledger: the entries their reversals named stand, and new ones
     * are no receipt's.
     */
    public void notPosted(List<StockPosting> postings) {
        for (StockPosting posting : postings) {
            dropped.add(posting.entryId());
            if (posting.reversedEntryId() != null) {
                reversed.remove(posting.reversedEntryId());
            } else {
                byReceipt.values().forEach(entries -> entries.remove(posting.entryId()));
            }
        }
    }

    /** Whether the decided entry was taken back as never posted. */
    public boolean dropped(String entryId) {
        return dropped.contains(entryId);
    }
}
