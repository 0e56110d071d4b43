package io.waybill.api.purchaseorder;

import java.util.List;

/**
 * A purchase event as asked for: its id (the idempotency token), its type, the lines of one purchase order it is
 * about (in the order given; a combine keeps the first), what it says, and who recorded it.
 */
public record PurchaseEvent(String id, PurchaseEventType type, List<String> lineIds, PurchaseEventDetails details,
                            String by) {

    public PurchaseEvent {
        lineIds = List.copyOf(lineIds);
    }

    /** This event, recorded by {@code actor}. */
    public PurchaseEvent recordedBy(String actor) {
        return new PurchaseEvent(id, type, lineIds, details, actor);
    }

    /** The same event as {@code other}, whoever asked for each. */
    public boolean sameAs(PurchaseEvent other) {
        return id.equals(other.id) && type == other.type && lineIds.equals(other.lineIds)
                && details.equals(other.details);
    }
}
