package io.waybill.api.inventory;

import java.time.LocalDate;
import java.util.List;

/**
 * An event of a purchase or work order that owes the inventory ledger entries: {@link #postings()}, in order, dated
 * {@link #eventDate()}, posted as {@link #sourceType()} / {@link #sourceId()}. One process posts them, each exactly
 * once.
 */
public interface StockPostingEvent {

    String orgId();

    LocalDate eventDate();

    List<StockPosting> postings();

    /** The {@code sourceType} the entries carry in the ledger. */
    String sourceType();

    /** The {@code sourceId} the entries carry: the order's id. */
    String sourceId();

    /** The kind of the item the posting is for. */
    ItemKind itemKind(StockPosting posting);

    /**
     * The command that takes the step back when the ledger refuses the posting at {@code index} (which it checked
     * beforehand, so only a race gets here) for {@code reason}, or null when a refusal is not expected and the
     * process is to stop at this event and retry it.
     */
    Object refused(int index, String reason);
}
