package io.waybill.api.inventory;

/** The kinds of ledger entry. Each movement type has a reversal, REVERSE_ followed by its name. */
public enum EntryType {
    ORDER,
    RECEIVE,
    DEMAND,
    ALLOCATE,
    CONSUME,
    PRODUCE,
    TRANSFER,
    ADJUST,
    DISPOSE,
    REVERSE_ORDER,
    REVERSE_RECEIVE,
    REVERSE_DEMAND,
    REVERSE_ALLOCATE,
    REVERSE_CONSUME,
    REVERSE_PRODUCE,
    REVERSE_TRANSFER,
    REVERSE_ADJUST,
    REVERSE_DISPOSE;

    private static final String REVERSE = "REVERSE_";

    public boolean isReversal() {
        return name().startsWith(REVERSE);
    }

    /** The type of the entry that reverses an entry of this type. */
    public EntryType reversal() {
        if (isReversal()) {
            throw new IllegalStateException("a reversal cannot be reversed");
        }
        return valueOf(REVERSE + name());
    }
}
