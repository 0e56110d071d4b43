package io.waybill.query.orders;

import io.waybill.api.RecordStreams;
import io.waybill.query.events.StreamScope;
import io.waybill.query.timeline.TimelineReader.Source;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;

/**
 * What an order's history holds and an item's: the order's events (an item's own among them), and those of every
 * member that a feature declares with an {@link OrderHistoryMembers} bean.
 */
@Component
public class OrderHistories {

    private final List<OrderHistoryMembers> members;

    OrderHistories(List<OrderHistoryMembers> members) {
        this.members = members;
    }

    /** The sources of the order's timeline, or of the item's when {@code itemSid} is given. */
    public Mono<List<Source>> sources(String orgId, String orderSid, String itemSid) {
        String stream = RecordStreams.of(orgId, orderSid);
        Source own = itemSid == null ? Source.all(stream)
                : new Source(stream, payload -> OrderHistoryScope.concernsItem(payload, itemSid));
        return Flux.fromIterable(members).concatMap(m -> m.of(orgId, orderSid, itemSid))
                .map(member -> Source.all(RecordStreams.of(orgId, member)))
                .collectList()
                .map(found -> {
                    List<Source> sources = new ArrayList<>(List.of(own));
                    sources.addAll(found);
                    return sources;
                });
    }

    /** The scope of the order's stream, or of the item's when {@code itemSid} is given. */
    public StreamScope scope(String orgId, String orderSid, String itemSid) {
        return new OrderHistoryScope(orgId, orderSid, itemSid, members);
    }
}
