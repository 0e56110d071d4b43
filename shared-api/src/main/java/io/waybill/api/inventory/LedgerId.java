package io.waybill.api.inventory;

/**
 * The aggregate id of an item's ledger. Item ids are the ids of catalog records, which are aggregates of their
 * own, so the ledger's stream gets an id of its own derived from the item's.
 */
public final class LedgerId {

    private static final String PREFIX = "ledger-";

    private LedgerId() {
    }

    public static String of(String itemId) {
        return PREFIX + itemId;
    }
}
