package io.waybill.api.inventory;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One ledger entry a purchase or work order owes the inventory ledger: its id (derived from the order, so that posting
 * it again records nothing), its type (a movement, or the reversal of one, which names the entry it reverses in
 * {@code reversedEntryId}), the line and item it is for, where, and how much; {@code eventDate} when it is dated
 * otherwise than the event that carries it (a receipt moved to another date reverses its entries on their own date),
 * null for the event's date.
 */
public record StockPosting(String entryId, EntryType type, String lineId, String itemId, String locationId,
                           BigDecimal quantity, BigDecimal unitCost, String reversedEntryId, LocalDate eventDate) {

    /**
     * What the entry does to its line's on order, as the order counts it: {@code ORDER} puts its quantity on order,
     * {@code RELEASE_ORDER} and {@code RECEIVE} take it off, a reversal the opposite of what it reverses.
     */
    public BigDecimal onOrderDelta() {
        EntryType movement = type.isReversal() ? type.reverses() : type;
        BigDecimal delta = movement == EntryType.ORDER ? quantity : quantity.negate();
        return type.isReversal() ? delta.negate() : delta;
    }

    /** What the entry does to what its line received: a receipt adds its quantity, its reversal takes it back. */
    public BigDecimal receivedDelta() {
        return type == EntryType.RECEIVE ? quantity
                : type == EntryType.REVERSE_RECEIVE ? quantity.negate() : BigDecimal.ZERO;
    }

    /** Dated as the event that carries it. */
    public StockPosting(String entryId, EntryType type, String lineId, String itemId, String locationId,
                        BigDecimal quantity, BigDecimal unitCost, String reversedEntryId) {
        this(entryId, type, lineId, itemId, locationId, quantity, unitCost, reversedEntryId, null);
    }

    /** The entry with its date: its own, or {@code day} (its event's) when it has none. */
    public StockPosting dated(LocalDate day) {
        return eventDate != null ? this : new StockPosting(entryId, type, lineId, itemId, locationId, quantity,
                unitCost, reversedEntryId, day);
    }

    /** A new entry (not a reversal). */
    public StockPosting(String entryId, EntryType type, String lineId, String itemId, String locationId,
                        BigDecimal quantity, BigDecimal unitCost) {
        this(entryId, type, lineId, itemId, locationId, quantity, unitCost, null);
    }
}
