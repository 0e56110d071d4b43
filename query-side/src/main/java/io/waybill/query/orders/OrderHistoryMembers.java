package io.waybill.query.orders;

import reactor.core.publisher.Flux;

import java.util.List;

/**
 * Aggregates whose histories join an order's and its items' (an order's lots): a feature that has such aggregates
 * declares them with a bean of this type, so the order's timeline and stream show their events.
 */
public interface OrderHistoryMembers {

    /** The members, deleted or not, of the order's history, or of the item's when {@code itemSid} is given. */
    Flux<String> of(String orgId, String orderSid, String itemSid);

    /**
     * The same from what commits with the events, whatever the projections' lag, so a stream that starts at a
     * decided position misses none. Blocking.
     */
    List<String> committed(String orgId, String orderSid, String itemSid);

    /** Whether an event makes its aggregate a member (of the item's history when {@code itemSid} is given). */
    boolean joins(Object payload, String orderSid, String itemSid);
}
