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
    RELEASE_ORDER,
    RELEASE_DEMAND,
    RELEASE_ALLOCATION,
    REVERSE_ORDER,
    REVERSE_RECEIVE,
    REVERSE_DEMAND,
    REVERSE_ALLOCATE,
    REVERSE_CONSUME,
    REVERSE_PRODUCE,
    REVERSE_TRANSFER,
    REVERSE_ADJUST,
    REVERSE_DISPOSE,
    REVERSE_RELEASE_ORDER,
    REVERSE_RELEASE_DEMAND,
    REVERSE_RELEASE_ALLOCATION;

    private static final String REVERSE = "REVERSE_";

    public boolean isReversal() {
        return name().startsWith(REVERSE);
    }

    /** Whether a ledger of this kind of item takes entries of this type: production and its reversal are SKUs' only. */
    public boolean appliesTo(ItemKind kind) {
        return kind == ItemKind.SKU || this != PRODUCE && this != REVERSE_PRODUCE;
    }

    /** The type of the entry a reversal of this type undoes. */
    public EntryType reverses() {
        if (!isReversal()) {
            throw new IllegalStateException(this + " is not a reversal");
        }
        return valueOf(name().substring(REVERSE.length()));
    }

    /** The type of the entry that reverses an entry of this type. */
    public EntryType reversal() {
        if (isReversal()) {
            throw new IllegalStateException("a reversal cannot be reversed");
        }
        return valueOf(REVERSE + name());
    }
}
