package io.waybill.query.items;

import io.waybill.query.timeline.TimelineRequest;
import io.waybill.api.Page;
import io.waybill.api.access.Role;
import io.waybill.api.order.ItemView;
import io.waybill.api.timeline.TimelineEntry;
import io.waybill.platform.security.Access;
import io.waybill.platform.web.RequestContext;
import io.waybill.query.events.Streams;
import io.waybill.query.orders.OrderHistories;
import io.waybill.query.timeline.TimelineReader;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An item's history, from the event store: the item's events in its order's history and those of its lots, as a
 * page or as a live stream. A deleted item's history stays readable by sid.
 */
@RestController
@Access(Role.VIEWER)
class ItemHistoryController {

    private static final String SSE = MediaType.TEXT_EVENT_STREAM_VALUE;
    private final TimelineReader reader;
    private final Streams streams;
    private final ItemLookup items;
    private final OrderHistories histories;

    ItemHistoryController(TimelineReader reader, Streams streams, ItemLookup items, OrderHistories histories) {
        this.reader = reader;
        this.streams = streams;
        this.items = items;
        this.histories = histories;
    }

    @GetMapping("/api/items/{idOrUniqueName}/events")
    Mono<Page<TimelineEntry>> timeline(RequestContext context, @PathVariable String idOrUniqueName,
                                       @RequestParam(required = false) String orderId,
                                       @RequestParam(required = false) String orderUniqueName,
                                       @ParameterObject TimelineRequest request) {
        return reader.read(context.orgId(), request, item(context, idOrUniqueName, orderId, orderUniqueName)
                .flatMap(item -> histories.sources(context.orgId(), item.orderId(), item.id())));
    }

    @GetMapping(path = "/api/items/{idOrUniqueName}/events/stream", produces = SSE)
    Flux<ServerSentEvent<String>> stream(RequestContext context, @PathVariable String idOrUniqueName,
                                         @RequestParam(required = false) String orderId,
                                         @RequestParam(required = false) String orderUniqueName,
                                         @RequestParam(required = false) String after,
                                         @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return streams.open(context, after, lastEventId, item(context, idOrUniqueName, orderId, orderUniqueName)
                .map(item -> histories.scope(context.orgId(), item.orderId(), item.id())));
    }

    private Mono<ItemView> item(RequestContext context, String idOrUniqueName, String orderId,
                                String orderUniqueName) {
        return items.item(context.orgId(), idOrUniqueName, orderId, orderUniqueName, true);
    }
}
