package io.waybill.bench;

import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;

/**
 * One server-sent-event subscriber: it notes each event's id in the order received and its delivery latency (from
 * the event's time, set by the command side on this machine, to its arrival here).
 */
final class StreamSubscriber implements Flow.Subscriber<String> {

    private final Latencies latencies;
    private final CountDownLatch opened;
    private final List<Long> ids = new ArrayList<>();
    private Flow.Subscription subscription;
    private Long id;
    private boolean open;

    StreamSubscriber(Latencies latencies, CountDownLatch opened) {
        this.latencies = latencies;
        this.opened = opened;
    }

    static StreamSubscriber open(HttpClient http, Api api, String path, Latencies latencies, CountDownLatch opened) {
        StreamSubscriber subscriber = new StreamSubscriber(latencies, opened);
        http.sendAsync(HttpRequest.newBuilder(URI.create(api.queryBase() + path)).header("Accept", "text/event-stream")
                .header("X-Org-Id", api.orgId()).header("Authorization", "Bearer " + api.token())
                .timeout(Duration.ofMinutes(30)).build(), HttpResponse.BodyHandlers.fromLineSubscriber(subscriber));
        return subscriber;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        if (!open && line.startsWith(":")) {
            open = true;
            opened.countDown();
        } else if (line.startsWith("id:")) {
            id = Long.parseLong(line.substring(3).trim());
        } else if (line.startsWith("data:") && id != null) {
            JsonNode entry = Api.JSON.readTree(line.substring(5));
            Instant time = Instant.parse(entry.path("time").asString());
            latencies.add(Duration.between(time, Instant.now()).toNanos());
            synchronized (this) {
                ids.add(id);
            }
            id = null;
        }
    }

    @Override
    public void onError(Throwable throwable) {
        close();
    }

    @Override
    public void onComplete() {
        close();
    }

    synchronized List<Long> ids() {
        return List.copyOf(ids);
    }

    void close() {
        if (subscription != null) {
            subscription.cancel();
        }
    }
}
