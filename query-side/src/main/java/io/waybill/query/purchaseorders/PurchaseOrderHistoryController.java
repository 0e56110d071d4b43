package io.waybill.query.purchaseorders;

import io.waybill.api.DomainException;
import io.waybill.api.Page;
import io.waybill.api.RecordStreams;
import io.waybill.api.access.Role;
import io.waybill.api.timeline.TimelineEntry;
import io.waybill.platform.security.Access;
import io.waybill.platform.web.RequestContext;
import io.waybill.query.events.StreamScope;
import io.waybill.query.events.Streams;
import io.waybill.query.timeline.TimelineReader.Source;
import io.waybill.query.timeline.TimelineReader;
import io.waybill.query.timeline.TimelineRequest;
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

import java.util.List;

/** A purchase order's history, from the event store, as a page or as a live stream; a deleted one's stays readable. */
@RestController
@Access(Role.VIEWER)
class PurchaseOrderHistoryController {

    private static final String SSE = MediaType.TEXT_EVENT_STREAM_VALUE;
    private final TimelineReader reader;
    private final Streams streams;
    private final PurchaseOrderRepository orders;

    PurchaseOrderHistoryController(TimelineReader reader, Streams streams, PurchaseOrderRepository orders) {
        this.reader = reader;
        this.streams = streams;
        this.orders = orders;
    }

    @GetMapping("/api/purchase-orders/{id}/events")
    Mono<Page<TimelineEntry>> timeline(RequestContext context, @PathVariable String id,
                                       @ParameterObject TimelineRequest request) {
        return reader.read(context.orgId(), request, order(context, id).map(order -> List.of(Source.all(order))));
    }

    @GetMapping(path = "/api/purchase-orders/{id}/events/stream", produces = SSE)
    Flux<ServerSentEvent<String>> stream(RequestContext context, @PathVariable String id,
                                         @RequestParam(required = false) String after,
                                         @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return streams.open(context, after, lastEventId, order(context, id).map(StreamScope::of));
    }

    /** The order's stream. */
    private Mono<String> order(RequestContext context, String id) {
        return orders.find(context.orgId(), id, true).map(order -> RecordStreams.of(context.orgId(), order.id()))
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("purchase order", id)));
    }
}
