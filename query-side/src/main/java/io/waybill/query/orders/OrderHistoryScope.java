package io.waybill.query.orders;

import io.waybill.api.RecordStreams;
import io.waybill.api.order.OrderDeleted;
import io.waybill.api.order.OrderItemEvent;
import io.waybill.query.events.FeedEvent;
import io.waybill.query.events.StreamScope;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An order's stream (its own events and its members'), or an item's (the item's events in its order's history,
 * and the item's members). Members created while the stream is open join it by their first event.
 */
final class OrderHistoryScope implements StreamScope {

    private final String orgId;
    private final String orderSid;
    private final String orderStream;
    private final String itemSid;
    private final List<OrderHistoryMembers> members;
    private final Set<String> joined = new HashSet<>();

    OrderHistoryScope(String orgId, String orderSid, String itemSid, List<OrderHistoryMembers> members) {
        this.orgId = orgId;
        this.orderSid = orderSid;
        this.orderStream = RecordStreams.of(orgId, orderSid);
        this.itemSid = itemSid;
        this.members = members;
    }

    /** Whether an event of an item's order is about the item: its own events, and the order's deletion. */
    static boolean concernsItem(Object payload, String itemSid) {
        return payload instanceof OrderDeleted
                || payload instanceof OrderItemEvent event && event.itemSid().equals(itemSid);
    }

    @Override
    public List<String> aggregates() {
        List<String> ids = new ArrayList<>(List.of(orderStream));
        ids.addAll(joined);
        return ids;
    }

    @Override
    public boolean test(FeedEvent event) {
        if (orderStream.equals(event.streamId())) {
            return itemSid == null || concernsItem(event.payload(), itemSid);
        }
        if (members.stream().anyMatch(m -> m.joins(event.payload(), orderSid, itemSid))) {
            joined.add(event.streamId());
        }
        return joined.contains(event.streamId());
    }

    @Override
    public List<String> lookUpMembers() {
        return members.stream().flatMap(m -> m.committed(orgId, orderSid, itemSid).stream())
                .map(member -> RecordStreams.of(orgId, member)).toList();
    }

    @Override
    public void join(List<String> streamIds) {
        joined.addAll(streamIds);
    }
}
