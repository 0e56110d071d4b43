package io.waybill.query.orders;

import io.waybill.query.timeline.TimelineRequest;
import io.waybill.api.DomainException;
import io.waybill.api.Page;
import io.waybill.api.access.Role;
import io.waybill.api.timeline.TimelineEntry;
import io.waybill.platform.security.Access;
import io.waybill.platform.web.RequestContext;
import io.waybill.query.events.Streams;
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
 * An order's history, from the event store: its own events and those of its items and their lots, as a page or as
 * a live stream. A deleted order's history stays readable by sid.
 */
@RestController
@Access(Role.VIEWER)
class OrderHistoryController {

    private static final String SSE = MediaType.TEXT_EVENT_STREAM_VALUE;
    private final TimelineReader reader;
    private final Streams streams;
    private final OrderRepository orders;
    private final OrderHistories histories;

    OrderHistoryController(TimelineReader reader, Streams streams, OrderRepository orders,
                           OrderHistories histories) {
        this.reader = reader;
        this.streams = streams;
        this.orders = orders;
        this.histories = histories;
    }


    @GetMapping("/api/orders/{idOrUniqueName}/events")
    Mono<Page<TimelineEntry>> timeline(RequestContext context, @PathVariable String idOrUniqueName,
                                       @ParameterObject TimelineRequest request) {
        return reader.read(context.orgId(), request, order(context, idOrUniqueName)
                .flatMap(orderId -> histories.sources(context.orgId(), orderId, null)));
    }

    @GetMapping(path = "/api/orders/{idOrUniqueName}/events/stream", produces = SSE)
    Flux<ServerSentEvent<String>> stream(RequestContext context, @PathVariable String idOrUniqueName,
                                         @RequestParam(required = false) String after,
                                         @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return streams.open(context, after, lastEventId, order(context, idOrUniqueName)
                .map(sid -> histories.scope(context.orgId(), sid, null)));
    }

    private Mono<String> order(RequestContext context, String idOrUniqueName) {
        return orders.findSidForHistory(context.orgId(), idOrUniqueName)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("order", idOrUniqueName)));
    }
}
