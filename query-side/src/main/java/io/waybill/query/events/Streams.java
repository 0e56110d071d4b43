package io.waybill.query.events;

import io.waybill.platform.web.WholeNumbers;
import io.waybill.api.DomainException;
import io.waybill.api.ErrorCode;
import io.waybill.platform.web.BlockingCalls;
import io.waybill.platform.web.RequestContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.function.Supplier;

/**
 * What every stream endpoint shares: each message's id is the event's global position, and {@code Last-Event-ID}
 * (or {@code ?after=}) resumes right after it. Everything that can refuse the request (bad parameters, the event
 * store not being read here, an unknown resource) is decided before the stream starts.
 */
@Component
public class Streams {

    private final ObjectProvider<EventStreams> streams;
    private final ObjectProvider<StoredEvents> store;
    private final BlockingCalls blocking;

    Streams(ObjectProvider<EventStreams> streams, ObjectProvider<StoredEvents> store, BlockingCalls blocking) {
        this.streams = streams;
        this.store = store;
        this.blocking = blocking;
    }

    /**
     * The stream of the scope that {@code scope} finds for the caller's organisation (its lookup may refuse). An
     * event id beyond the newest event is refused: no stream ever gave it, and waiting for it would wait for events
     * the client would never be sent.
     */
    public Flux<ServerSentEvent<String>> open(RequestContext context, String after, String lastEventId,
                                              Mono<? extends StreamScope> scope) {
        long from = resumeAfter(after, lastEventId);
        EventStreams open = available(streams);
        StoredEvents events = available(store);
        Mono<Long> head = from == 0 ? Mono.just(0L) : blocking.call(events::head);
        return head.flatMapMany(newest -> from > newest
                ? Flux.error(DomainException.invalid(resumeField(lastEventId), "is beyond the newest event ("
                        + newest + "): it must be an event id a stream sent"))
                : scope.flatMapMany(found -> open.open(new StreamFilter(context.orgId(), found), from)));
    }

    /**
     * The scope of one aggregate's events, when its first event belongs to the organisation; {@code notFound}
     * otherwise, as a resource without a history of the caller's has no stream.
     */
    public Mono<StreamScope> ofAggregate(String orgId, String aggregateId, Supplier<DomainException> notFound) {
        return blocking.call(() -> available(store).first(aggregateId)
                        .filter(first -> orgId.equals(first.orgId())).isPresent())
                .flatMap(found -> found ? Mono.just(StreamScope.of(aggregateId)) : Mono.error(notFound.get()));
    }

    /** {@code Last-Event-ID} wins over {@code after}: a reconnecting client sends it with the URL it began with. */
    static long resumeAfter(String after, String lastEventId) {
        String field = resumeField(lastEventId);
        String value = "after".equals(field) ? after : lastEventId;
        if (value == null || value.isBlank()) {
            return 0;
        }
        return WholeNumbers.nonNegative(value.trim()).orElseThrow(() -> DomainException.invalid(field,
                "must be an event id (a whole number, 0 or more) from a stream"));
    }

    private static String resumeField(String lastEventId) {
        return lastEventId != null && !lastEventId.isBlank() ? "Last-Event-ID" : "after";
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
