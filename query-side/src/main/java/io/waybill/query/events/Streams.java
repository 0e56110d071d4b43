package io.waybill.query.events;

import io.waybill.platform.web.WholeNumbers;
import io.waybill.api.DomainException;
import io.waybill.api.ErrorCode;
import io.waybill.platform.web.BlockingCalls;
import io.waybill.platform.security.AccessDirectory;
import io.waybill.platform.web.RequestContext;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * What every stream endpoint shares: each message's id is the event's global position, and {@code Last-Event-ID}
 * (or {@code ?after=}) resumes right after it; {@code ?after=now} skips the history. Everything that can refuse the
 * request (bad parameters, the event store not being read here, an unknown resource) is decided before the stream
 * starts.
 */
@Component
public class Streams {

    /** {@code ?after=now}: from the newest event when the stream opens. */
    static final String AFTER_NOW = "now";
    /** What {@link #resumeAfter} answers for {@code now}, found when the stream opens. */
    private static final long NOW = -1;
    private final ObjectProvider<EventStreams> streams;
    private final ObjectProvider<StoredEvents> store;
    private final BlockingCalls blocking;
    private final AccessDirectory access;
    private final StreamSettings settings;
    private final Clock clock;
    /**
     * One access check per caller at a time, shared by the streams it opens; forgotten a minute after the caller
     * last opened one (a stream keeps the check it started with), so callers long gone hold no memory.
     */
    private final Cache<String, Mono<Boolean>> checks = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(1)).build();

    Streams(ObjectProvider<EventStreams> streams, ObjectProvider<StoredEvents> store, BlockingCalls blocking,
            AccessDirectory access, StreamSettings settings, Clock clock) {
        this.streams = streams;
        this.store = store;
        this.blocking = blocking;
        this.access = access;
        this.settings = settings;
        this.clock = clock;
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
                : scope.flatMapMany(found -> whileAllowed(context, open.open(new StreamFilter(context.orgId(),
                        found), from == NOW ? newest : from))));
    }

    /**
     * The stream until its caller's access ends (token revoked or expired, member removed, organisation deleted),
     * checked every {@code waybill.streams.access-check} (one query per caller and half that period, however many
     * streams the caller has open).
     */
    private Flux<ServerSentEvent<String>> whileAllowed(RequestContext context, Flux<ServerSentEvent<String>> stream) {
        Mono<Boolean> check = checks.get(context.tokenId() + "|" + context.actor() + "|" + context.orgId(),
                key -> Mono.defer(() -> access.stillAllowed(context.tokenId(), context.actor(), context.orgId(),
                        clock.instant())).cache(settings.accessCheck().dividedBy(2)));
        return untilAccessEnds(stream, check, settings.accessCheck());
    }

    /**
     * The stream until {@code check}, made every {@code period}, says access has ended: then a last {@code error}
     * event, {@code unauthorized}. A check that cannot be made (the database out of reach) ends nothing: the next
     * one that can be made decides.
     */
    static Flux<ServerSentEvent<String>> untilAccessEnds(Flux<ServerSentEvent<String>> stream, Mono<Boolean> check,
                                                         Duration period) {
        Mono<ServerSentEvent<String>> ended = Flux.interval(period)
                .onBackpressureDrop()
                .concatMap(tick -> check.onErrorResume(unreachable -> Mono.empty()), 1)
                .filter(allowed -> !allowed)
                .next()
                .map(gone -> StreamMessages.ACCESS_ENDED);
        ServerSentEvent<String> done = ServerSentEvent.<String>builder().comment("done").build();
        return Flux.merge(stream.concatWith(Mono.just(done)), ended)
                .takeUntil(message -> message == StreamMessages.ACCESS_ENDED || message == done)
                .filter(message -> message != done);
    }

    /**
     * The scope of one stream's events, when its first event belongs to the organisation; {@code notFound}
     * otherwise, as a resource without a history of the caller's has no stream.
     */
    public Mono<StreamScope> ofAggregate(String orgId, String streamId, Supplier<DomainException> notFound) {
        return blocking.call(() -> available(store).first(streamId)
                        .filter(first -> orgId.equals(first.orgId())).isPresent())
                .flatMap(found -> found ? Mono.just(StreamScope.of(streamId)) : Mono.error(notFound.get()));
    }

    /**
     * {@code Last-Event-ID} wins over {@code after}: a reconnecting client sends it with the URL it began with.
     * {@code after=now} is the newest event when the stream opens: no history, only what happens from then on.
     */
    static long resumeAfter(String after, String lastEventId) {
        String field = resumeField(lastEventId);
        String value = "after".equals(field) ? after : lastEventId;
        if (value == null || value.isBlank()) {
            return 0;
        }
        if ("after".equals(field) && AFTER_NOW.equals(value.trim())) {
            return NOW;
        }
        return WholeNumbers.nonNegative(value.trim()).orElseThrow(() -> DomainException.invalid(field,
                "must be an event id (a whole number, 0 or more) from a stream" + ("after".equals(field)
                        ? ", or now" : "")));
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
