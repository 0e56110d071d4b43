package io.waybill.query.itemgroups;

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

/** A lot's history, from the event store, as a page or as a live stream; a deleted lot's stays readable by sid. */
@RestController
@Access(Role.VIEWER)
class ItemGroupHistoryController {

    private static final String SSE = MediaType.TEXT_EVENT_STREAM_VALUE;
    private final TimelineReader reader;
    private final Streams streams;
    private final ItemGroupLookup lookup;

    ItemGroupHistoryController(TimelineReader reader, Streams streams, ItemGroupLookup lookup) {
        this.reader = reader;
        this.streams = streams;
        this.lookup = lookup;
    }


    @GetMapping("/api/item-groups/{idOrUniqueName}/events")
    Mono<Page<TimelineEntry>> timeline(RequestContext context, @PathVariable String idOrUniqueName,
                                       @ParameterObject ItemGroupNames names,
                                       @ParameterObject TimelineRequest request) {
        return reader.read(context.orgId(), request, lookup.itemGroup(context.orgId(), idOrUniqueName, names, true)
                .map(group -> List.of(Source.all(RecordStreams.of(context.orgId(), group.id())))));
    }

    @GetMapping(path = "/api/item-groups/{idOrUniqueName}/events/stream", produces = SSE)
    Flux<ServerSentEvent<String>> stream(RequestContext context, @PathVariable String idOrUniqueName,
                                         @ParameterObject ItemGroupNames names,
                                         @RequestParam(required = false) String after,
                                         @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return streams.open(context, after, lastEventId, lookup.itemGroup(context.orgId(), idOrUniqueName, names,
                true).map(group -> StreamScope.of(RecordStreams.of(context.orgId(), group.id()))));
    }
}
