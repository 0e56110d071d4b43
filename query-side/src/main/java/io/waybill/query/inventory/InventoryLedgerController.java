package io.waybill.query.inventory;

import io.waybill.query.timeline.TimelineRequest;
import io.waybill.api.access.Role;
import io.waybill.platform.security.Access;
import io.waybill.api.DomainException;
import io.waybill.api.Page;
import io.waybill.api.inventory.InTransitView;
import io.waybill.api.inventory.LedgerId;
import io.waybill.api.inventory.LedgerVerification;
import io.waybill.api.timeline.TimelineEntry;
import io.waybill.platform.web.BlockingCalls;
import io.waybill.platform.web.PageRequest;
import io.waybill.platform.web.RequestContext;
import io.waybill.query.events.Streams;
import io.waybill.query.timeline.TimelineReader;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.RequestHeader;
import reactor.core.publisher.Flux;
import io.waybill.query.timeline.TimelineReader.Source;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * What concerns the ledgers of both inventories: transfers in transit, a ledger's history (a page or a live stream),
 * the drift check.
 */
@RestController
@Access(Role.VIEWER)
class InventoryLedgerController {

    private final LedgerEntryRepository entries;
    private final TimelineReader timelines;
    private final LedgerVerifier verifier;
    private final BlockingCalls blocking;
    private final Streams streams;

    InventoryLedgerController(LedgerEntryRepository entries, TimelineReader timelines, LedgerVerifier verifier,
                              BlockingCalls blocking, Streams streams) {
        this.entries = entries;
        this.timelines = timelines;
        this.verifier = verifier;
        this.blocking = blocking;
        this.streams = streams;
    }


    @GetMapping("/api/inventory/in-transit")
    Mono<Page<InTransitView>> inTransit(RequestContext context, @RequestParam(required = false) String itemId,
                                        @RequestParam(required = false) String locationId,
                                        @RequestParam(required = false) String cursor,
                                        @RequestParam(required = false) String limit) {
        return entries.inTransit(context.orgId(), InventoryBook.blankToNull(itemId),
                InventoryBook.blankToNull(locationId), PageRequest.of(cursor, limit));
    }

    /** The ledger's events straight from the event store. An item without a ledger of the caller's has none. */
    @GetMapping("/api/inventory/{itemId}/events")
    Mono<Page<TimelineEntry>> events(RequestContext context, @PathVariable String itemId,
                                     @ParameterObject TimelineRequest request) {
        return timelines.read(context.orgId(), request, Mono.just(List.of(Source.all(LedgerId.of(itemId)))))
                .flatMap(result -> result.data().isEmpty() && request.fromTheStart()
                        ? Mono.error(DomainException.notFound("inventory ledger of item", itemId))
                        : Mono.just(result));
    }

    /** An item without a ledger of the caller's organisation has no stream, as it has no history. */
    @GetMapping(path = "/api/inventory/{itemId}/events/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<String>> stream(RequestContext context, @PathVariable String itemId,
                                         @RequestParam(required = false) String after,
                                         @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return streams.open(context, after, lastEventId, streams.ofAggregate(context.orgId(), LedgerId.of(itemId),
                () -> DomainException.notFound("inventory ledger of item", itemId)));
    }

    @GetMapping("/api/inventory/verify")
    Mono<LedgerVerification> verify(RequestContext context, @RequestParam(required = false) String itemId) {
        String item = InventoryBook.blankToNull(itemId);
        return blocking.call(() -> verifier.verify(context.orgId(), item));
    }
}
