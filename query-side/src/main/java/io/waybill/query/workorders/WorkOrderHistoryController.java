package io.waybill.query.workorders;

import io.waybill.api.DomainException;
import io.waybill.api.Page;
import io.waybill.api.RecordStreams;
import io.waybill.api.access.Role;
import io.waybill.api.catalog.BomLine;
import io.waybill.api.inventory.InventoryLedgerEvent;
import io.waybill.api.inventory.LedgerId;
import io.waybill.api.timeline.TimelineEntry;
import io.waybill.api.workorder.WorkOrderItemView;
import io.waybill.platform.security.Access;
import io.waybill.platform.web.RequestContext;
import io.waybill.query.events.FeedEvent;
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

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A work order's history, from the event store, as a page or as a live stream, with the ledger entries it caused
 * (those of its materials' and SKUs' ledgers whose source is the order); a deleted one's stays readable.
 */
@RestController
@Access(Role.VIEWER)
class WorkOrderHistoryController {

    private static final String SSE = MediaType.TEXT_EVENT_STREAM_VALUE;
    private final TimelineReader reader;
    private final Streams streams;
    private final WorkOrderRepository orders;

    WorkOrderHistoryController(TimelineReader reader, Streams streams, WorkOrderRepository orders) {
        this.reader = reader;
        this.streams = streams;
        this.orders = orders;
    }

    @GetMapping("/api/work-orders/{id}/events")
    Mono<Page<TimelineEntry>> timeline(RequestContext context, @PathVariable String id,
                                       @ParameterObject TimelineRequest request) {
        return reader.read(context.orgId(), request, ledgers(context, id).map(ledgers -> {
            List<Source> sources = new ArrayList<>(List.of(Source.all(RecordStreams.of(context.orgId(), id))));
            ledgers.forEach(ledger -> sources.add(new Source(ledger, payload -> causedBy(payload, id))));
            return sources;
        }));
    }

    @GetMapping(path = "/api/work-orders/{id}/events/stream", produces = SSE)
    Flux<ServerSentEvent<String>> stream(RequestContext context, @PathVariable String id,
                                         @RequestParam(required = false) String after,
                                         @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return streams.open(context, after, lastEventId,
                ledgers(context, id).map(ledgers -> scope(context.orgId(), id, ledgers)));
    }

    /** The ledgers of the items the order's lines name (their SKUs and materials), once the order is found. */
    private Mono<List<String>> ledgers(RequestContext context, String id) {
        return orders.find(context.orgId(), id, true)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("work order", id)))
                .flatMap(order -> orders.lines(context.orgId(), id))
                .map(lines -> {
                    Set<String> items = new LinkedHashSet<>();
                    for (WorkOrderItemView line : lines) {
                        items.add(line.skuId());
                        line.bom().stream().map(BomLine::materialId).forEach(items::add);
                    }
                    return items.stream().map(LedgerId::of).toList();
                });
    }

    private static StreamScope scope(String orgId, String workOrderId, List<String> ledgers) {
        String stream = RecordStreams.of(orgId, workOrderId);
        List<String> aggregates = new ArrayList<>(List.of(stream));
        aggregates.addAll(ledgers);
        return new StreamScope() {
            @Override
            public List<String> aggregates() {
                return aggregates;
            }

            @Override
            public boolean test(FeedEvent event) {
                return stream.equals(event.streamId()) || causedBy(event.entry().payload(), workOrderId);
            }
        };
    }

    private static boolean causedBy(Object payload, String workOrderId) {
        return payload instanceof InventoryLedgerEvent ledger && workOrderId.equals(ledger.entry().sourceId());
    }
}
