package io.waybill.query.events;

import java.util.List;

/** One stream's events: those of its organisation that its scope takes. */
record StreamFilter(String orgId, StreamScope scope) {

    boolean test(FeedEvent event) {
        return orgId.equals(event.orgId()) && scope.test(event);
    }

    List<String> aggregates() {
        return scope.aggregates();
    }
}
