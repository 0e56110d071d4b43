package io.waybill.query.events;

import io.waybill.api.access.Role;
import io.waybill.platform.security.Access;
import io.waybill.platform.web.RequestContext;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * The organisation's live history as server-sent events: first what happened, then what happens. The streams of
 * one resource are their features' own.
 */
@RestController
@Access(Role.VIEWER)
class EventStreamController {

    private final Streams streams;
    private final EventTypes eventTypes;

    EventStreamController(Streams streams, EventTypes eventTypes) {
        this.streams = streams;
        this.eventTypes = eventTypes;
    }

    /**
     * The organisation's events; {@code type} and {@code aggregateType} narrow them, each repeatable and each a
     * comma-separated list (any of the names given).
     */
    @GetMapping(path = "/api/events/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<String>> organisation(RequestContext context,
                                               @RequestParam(required = false) List<String> type,
                                               @RequestParam(required = false) List<String> aggregateType,
                                               @RequestParam(required = false) String after,
                                               @RequestHeader(name = "Last-Event-ID", required = false)
                                               String lastEventId) {
        Streams.resumeAfter(after, lastEventId);
        var scope = eventTypes.organisation(type, aggregateType);
        return streams.open(context, after, lastEventId, Mono.just(scope));
    }
}
