package io.waybill.query.events;

import java.util.List;
import java.util.Set;

/** The organisation's events of the listed aggregate types, narrowed to some event and aggregate types if asked. */
record OrganisationScope(Set<String> listed, Set<String> types, Set<String> aggregateTypes) implements StreamScope {

    @Override
    public List<String> aggregates() {
        return List.of();
    }

    @Override
    public boolean test(FeedEvent event) {
        return listed.contains(event.aggregateType())
                && (types.isEmpty() || types.contains(event.type()))
                && (aggregateTypes.isEmpty() || aggregateTypes.contains(event.aggregateType()));
    }
}
