package io.waybill.query.events;

import io.waybill.api.itemgroup.ItemGroupCreated;
import io.waybill.query.timeline.TimelineReader;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which events of an organisation one stream carries: the same as the matching timeline (an order's own, its
 * items' and its item groups'; an item's and its groups'; one group's; one ledger's), or the organisation's
 * events of some types. Item groups created while the stream is open join it by their {@code ItemGroupCreated}.
 * Used by one subscriber at a time, under its lock.
 */
final class StreamFilter {

    enum Scope { ORDER, ITEM, ITEM_GROUP, INVENTORY, ORGANISATION }

    private final String orgId;
    private final Scope scope;
    private final String ownerId;
    private final String itemSid;
    private final Set<String> types;
    private final Set<String> aggregateTypes;
    private final Set<String> groups = new HashSet<>();

    private StreamFilter(String orgId, Scope scope, String ownerId, String itemSid, Set<String> types,
                         Set<String> aggregateTypes) {
        this.orgId = orgId;
        this.scope = scope;
        this.ownerId = ownerId;
        this.itemSid = itemSid;
        this.types = types;
        this.aggregateTypes = aggregateTypes;
    }

    static StreamFilter order(String orgId, String orderSid) {
        return new StreamFilter(orgId, Scope.ORDER, orderSid, null, Set.of(), Set.of());
    }

    static StreamFilter item(String orgId, String orderSid, String itemSid) {
        return new StreamFilter(orgId, Scope.ITEM, orderSid, itemSid, Set.of(), Set.of());
    }

    static StreamFilter itemGroup(String orgId, String groupSid) {
        return new StreamFilter(orgId, Scope.ITEM_GROUP, groupSid, null, Set.of(), Set.of());
    }

    static StreamFilter ledger(String orgId, String ledgerId) {
        return new StreamFilter(orgId, Scope.INVENTORY, ledgerId, null, Set.of(), Set.of());
    }

    static StreamFilter organisation(String orgId, Set<String> types, Set<String> aggregateTypes) {
        return new StreamFilter(orgId, Scope.ORGANISATION, null, null, types, aggregateTypes);
    }

    String orgId() {
        return orgId;
    }

    Scope scope() {
        return scope;
    }

    String orderSid() {
        return scope == Scope.ORDER || scope == Scope.ITEM ? ownerId : null;
    }

    String itemSid() {
        return itemSid;
    }

    /** The aggregates whose histories the stream starts with; empty for the organisation's stream. */
    List<String> aggregates() {
        if (scope == Scope.ORGANISATION) {
            return List.of();
        }
        List<String> ids = new java.util.ArrayList<>(List.of(ownerId));
        ids.addAll(groups);
        return ids;
    }

    void addGroups(List<String> sids) {
        groups.addAll(sids);
    }

    boolean test(FeedEvent event) {
        if (!orgId.equals(event.orgId())) {
            return false;
        }
        return switch (scope) {
            case ORGANISATION -> EventTypes.AGGREGATES.containsKey(event.aggregateType())
                    && (types.isEmpty() || types.contains(event.type()))
                    && (aggregateTypes.isEmpty() || aggregateTypes.contains(event.aggregateType()));
            case ITEM_GROUP, INVENTORY -> ownerId.equals(event.aggregateId());
            case ORDER -> ownerId.equals(event.aggregateId()) || isGroup(event, ownerId, null);
            case ITEM -> ownerId.equals(event.aggregateId()) ? TimelineReader.concernsItem(event.payload(), itemSid)
                    : isGroup(event, null, itemSid);
        };
    }

    private boolean isGroup(FeedEvent event, String orderSid, String itemSid) {
        if (event.payload() instanceof ItemGroupCreated created
                && (orderSid == null || orderSid.equals(created.orderSid()))
                && (itemSid == null || itemSid.equals(created.itemSid()))) {
            groups.add(event.aggregateId());
        }
        return groups.contains(event.aggregateId());
    }
}
