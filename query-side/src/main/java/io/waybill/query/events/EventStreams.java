package io.waybill.query.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.waybill.platform.metrics.WaybillMetrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens streams: a subscriber joins the feed first, so that whatever the feed delivers from then on waits for it,
 * then its history up to the position it joined at is read from the store, page by page as the client reads, and
 * then the waiting live events follow. History and live meet at that position: no gap, no event twice.
 */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
class EventStreams {

    private static final int PAGE = 500;
    private final EventFeed feed;
    private final StoredEvents store;
    private final StreamSettings settings;
    private final Scheduler blocking;
    private final AtomicInteger open = new AtomicInteger();

    EventStreams(EventFeed feed, StoredEvents store, StreamSettings settings,
                 @Qualifier("blockingScheduler") Scheduler blocking, ObjectProvider<MeterRegistry> meters) {
        this.feed = feed;
        this.store = store;
        this.settings = settings;
        this.blocking = blocking;
        meters.ifAvailable(registry -> Gauge.builder(WaybillMetrics.STREAMS_OPEN, open, AtomicInteger::get)
                .description("Open server-sent event streams").register(registry));
    }

    int open() {
        return open.get();
    }

    Flux<ServerSentEvent<String>> open(StreamFilter filter, long after) {
        return Flux.defer(() -> {
            StreamSubscriber[] holder = new StreamSubscriber[1];
            StreamSubscriber subscriber = new StreamSubscriber(filter, settings.buffer(), after,
                    () -> feed.unregister(holder[0]));
            holder[0] = subscriber;
            long joinedAt = feed.register(subscriber);
            open.incrementAndGet();
            Flux<ServerSentEvent<String>> history = history(subscriber, after, joinedAt)
                    .doOnNext(event -> subscriber.sent(event.position()))
                    .map(StreamMessages::event);
            return Flux.concat(Flux.just(StreamMessages.OPENED), history, subscriber.live())
                    .doFinally(signal -> {
                        feed.unregister(subscriber);
                        open.decrementAndGet();
                    });
        });
    }

    private Flux<FeedEvent> history(StreamSubscriber subscriber, long after, long upTo) {
        StreamFilter filter = subscriber.filter();
        Mono<List<FeedEvent>> first = Mono.fromCallable(() -> {
            subscriber.join(filter.scope().lookUpMembers());
            return page(filter, after, upTo);
        }).subscribeOn(blocking);
        return first.expand(page -> page.size() < PAGE ? Mono.empty()
                        : Mono.fromCallable(() -> page(filter, page.get(page.size() - 1).position(), upTo))
                        .subscribeOn(blocking))
                .concatMapIterable(page -> page)
                .filter(subscriber::inHistory);
    }

    private List<FeedEvent> page(StreamFilter filter, long after, long upTo) {
        if (after >= upTo) {
            return List.of();
        }
        return filter.aggregates().isEmpty() ? store.range(after, upTo, PAGE)
                : store.ofAggregates(filter.aggregates(), after, upTo, PAGE);
    }
}
