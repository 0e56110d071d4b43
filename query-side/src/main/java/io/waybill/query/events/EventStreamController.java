package io.waybill.query.events;

import io.waybill.api.DomainException;
import io.waybill.api.ErrorCode;
import io.waybill.api.access.Role;
import io.waybill.api.inventory.LedgerId;
import io.waybill.platform.security.Access;
import io.waybill.platform.web.BlockingCalls;
import io.waybill.platform.web.RequestContext;
import io.waybill.query.orders.OrderRepository;
import io.waybill.query.support.Lookups;
import org.springframework.beans.factory.ObjectProvider;
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

/**
 * Live histories as server-sent events: first what happened, then what happens. Each message's id is the event's
 * global position; {@code Last-Event-ID} (or {@code ?after=}) resumes right after it. Everything that can refuse
 * the request (role, organisation, unknown resource, bad parameters) is decided before the stream starts.
 */
@RestController
@Access(Role.VIEWER)
class EventStreamController {

    private static final String SSE = MediaType.TEXT_EVENT_STREAM_VALUE;
    private final ObjectProvider<EventStreams> streams;
    private final ObjectProvider<StoredEvents> store;
    private final OrderRepository orders;
    private final Lookups lookups;
    private final BlockingCalls blocking;

    EventStreamController(ObjectProvider<EventStreams> streams, ObjectProvider<StoredEvents> store,
                          OrderRepository orders, Lookups lookups, BlockingCalls blocking) {
        this.streams = streams;
        this.store = store;
        this.orders = orders;
        this.lookups = lookups;
        this.blocking = blocking;
    }

    @GetMapping(path = "/api/orders/{sidOrUniqueName}/events/stream", produces = SSE)
    Flux<ServerSentEvent<String>> order(RequestContext context, @PathVariable String sidOrUniqueName,
                                        @RequestParam(required = false) String after,
                                        @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        long from = resumeAfter(after, lastEventId);
        return stream(orders.findSidForHistory(context.orgId(), sidOrUniqueName)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("order", sidOrUniqueName)))
                .map(sid -> StreamFilter.order(context.orgId(), sid)), from);
    }

    @GetMapping(path = "/api/items/{sidOrUniqueName}/events/stream", produces = SSE)
    Flux<ServerSentEvent<String>> item(RequestContext context, @PathVariable String sidOrUniqueName,
                                       @RequestParam(required = false) String orderSid,
                                       @RequestParam(required = false) String orderUniqueName,
                                       @RequestParam(required = false) String after,
                                       @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        long from = resumeAfter(after, lastEventId);
        return stream(lookups.item(context.orgId(), sidOrUniqueName, orderSid, orderUniqueName, true)
                .map(item -> StreamFilter.item(context.orgId(), item.orderSid(), item.sid())), from);
    }

    @GetMapping(path = "/api/item-groups/{sidOrUniqueName}/events/stream", produces = SSE)
    Flux<ServerSentEvent<String>> itemGroup(RequestContext context, @PathVariable String sidOrUniqueName,
                                            @RequestParam(required = false) String itemSid,
                                            @RequestParam(required = false) String itemUniqueName,
                                            @RequestParam(required = false) String orderSid,
                                            @RequestParam(required = false) String orderUniqueName,
                                            @RequestParam(required = false) String after,
                                            @RequestHeader(name = "Last-Event-ID", required = false)
                                            String lastEventId) {
        long from = resumeAfter(after, lastEventId);
        return stream(lookups.itemGroup(context.orgId(), sidOrUniqueName, itemSid, itemUniqueName, orderSid,
                orderUniqueName, true).map(group -> StreamFilter.itemGroup(context.orgId(), group.sid())), from);
    }

    /** An item without a ledger of the caller's organisation has no stream, as it has no timeline. */
    @GetMapping(path = "/api/inventory/{itemId}/events/stream", produces = SSE)
    Flux<ServerSentEvent<String>> ledger(RequestContext context, @PathVariable String itemId,
                                         @RequestParam(required = false) String after,
                                         @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        long from = resumeAfter(after, lastEventId);
        String ledger = LedgerId.of(itemId);
        return stream(blocking.call(() -> available(store).first(ledger)
                        .filter(first -> context.orgId().equals(first.orgId())).isPresent())
                .flatMap(found -> found ? Mono.just(StreamFilter.ledger(context.orgId(), ledger))
                        : Mono.error(DomainException.notFound("inventory ledger of item", itemId))), from);
    }

    /**
     * The organisation's events; {@code type} and {@code aggregateType} narrow them, each repeatable and each a
     * comma-separated list (any of the names given).
     */
    @GetMapping(path = "/api/events/stream", produces = SSE)
    Flux<ServerSentEvent<String>> organisation(RequestContext context,
                                               @RequestParam(required = false) List<String> type,
                                               @RequestParam(required = false) List<String> aggregateType,
                                               @RequestParam(required = false) String after,
                                               @RequestHeader(name = "Last-Event-ID", required = false)
                                               String lastEventId) {
        long from = resumeAfter(after, lastEventId);
        var types = EventTypes.parse("type", type, EventTypes.EVENTS);
        var aggregates = EventTypes.parse("aggregateType", aggregateType, EventTypes.AGGREGATES.keySet());
        return stream(Mono.just(StreamFilter.organisation(context.orgId(), types, aggregates)), from);
    }

    private Flux<ServerSentEvent<String>> stream(Mono<StreamFilter> filter, long after) {
        EventStreams open = available(streams);
        return filter.flatMapMany(f -> open.open(f, after));
    }

    /** {@code Last-Event-ID} wins over {@code after}: a reconnecting client sends it with the URL it began with. */
    static long resumeAfter(String after, String lastEventId) {
        String field = lastEventId != null && !lastEventId.isBlank() ? "Last-Event-ID" : "after";
        String value = "after".equals(field) ? after : lastEventId;
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            long position = Long.parseLong(value.trim());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw DomainException.invalid(field, "must be an event id (a whole number, 0 or more) from a stream");
    }

    static <T> T available(ObjectProvider<T> bean) {
        T found = bean.getIfAvailable();
        if (found == null) {
            throw new DomainException(ErrorCode.UNAVAILABLE, "event streams and the events list read the JDBC "
                    + "event store; they are not available when the service runs on Axon Server");
        }
        return found;
    }
}
