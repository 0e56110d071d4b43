package io.waybill.query.events;

import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One open stream. The feed offers it every event of its organisation; until its history has been sent the
 * events wait unfiltered (a scope may learn its members from the history), then they are filtered and
 * sent as the client asks for them. Past {@code capacity} waiting events the subscriber is cut off: what waits is
 * dropped and a last {@code error} event names the last event sent, from which the client resumes.
 */
final class StreamSubscriber {

    private final StreamFilter filter;
    private final int capacity;
    private final long after;
    private final Runnable onCutOff;
    private final ArrayDeque<FeedEvent> waiting = new ArrayDeque<>();
    private FluxSink<ServerSentEvent<String>> sink;
    private long demand;
    private long lastSent;
    private boolean live;
    private boolean cutOff;
    private boolean closed;

    StreamSubscriber(StreamFilter filter, int capacity, long after, Runnable onCutOff) {
        this.filter = filter;
        this.capacity = capacity;
        this.after = after;
        this.lastSent = after;
        this.onCutOff = onCutOff;
    }

    String orgId() {
        return filter.orgId();
    }

    StreamFilter filter() {
        return filter;
    }

    /** Called by the feed, in global-index order. */
    synchronized void offer(FeedEvent event) {
        if (closed || cutOff || event.position() <= after || live && !filter.test(event)) {
            return;
        }
        if (waiting.size() >= capacity) {
            cutOff();
            return;
        }
        waiting.add(event);
        drain();
    }

    /** Whether a history event belongs to the stream; the scope may learn from it. */
    synchronized boolean inHistory(FeedEvent event) {
        return filter.test(event);
    }

    synchronized void join(List<String> aggregateIds) {
        filter.scope().join(aggregateIds);
    }

    synchronized void sent(long position) {
        lastSent = position;
    }

    synchronized void heartbeat() {
        if (sink != null && waiting.isEmpty() && demand > 0 && !cutOff) {
            demand--;
            sink.next(StreamMessages.HEARTBEAT);
        }
    }

    /** The live part of the stream, subscribed to once its history has been sent. */
    Flux<ServerSentEvent<String>> live() {
        return Flux.create(created -> {
            synchronized (this) {
                sink = created;
                goLive();
            }
            created.onRequest(this::request);
            created.onDispose(this::close);
        });
    }

    private void goLive() {
        List<FeedEvent> held = new ArrayList<>(waiting);
        waiting.clear();
        held.stream().filter(filter::test).forEach(waiting::add);
        live = true;
        drain();
    }

    private synchronized void request(long n) {
        demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
        drain();
    }

    private void drain() {
        if (sink == null || closed) {
            return;
        }
        while (demand > 0 && !waiting.isEmpty()) {
            FeedEvent event = waiting.poll();
            demand--;
            lastSent = event.position();
            sink.next(StreamMessages.event(event));
        }
        if (cutOff && demand > 0) {
            closed = true;
            sink.next(StreamMessages.cutOff(lastSent));
            sink.complete();
        }
    }

    private void cutOff() {
        cutOff = true;
        waiting.clear();
        onCutOff.run();
        drain();
    }

    private synchronized void close() {
        closed = true;
        waiting.clear();
    }
}
