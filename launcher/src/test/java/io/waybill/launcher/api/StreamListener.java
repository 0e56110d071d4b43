package io.waybill.launcher.api;

import com.jayway.jsonpath.JsonPath;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A client reading one stream as fast as it can, keeping every message it received. */
final class StreamListener implements AutoCloseable {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };
    final List<ServerSentEvent<String>> messages = new CopyOnWriteArrayList<>();
    private final Disposable subscription;
    volatile boolean ended;

    private StreamListener(WebClient client, String uri, String lastEventId) {
        subscription = client.get().uri(uri).accept(MediaType.TEXT_EVENT_STREAM)
                .headers(headers -> {
                    if (lastEventId != null) {
                        headers.set("Last-Event-ID", lastEventId);
                    }
                })
                .retrieve().bodyToFlux(SSE)
                .doFinally(signal -> ended = true)
                .subscribe(messages::add, failure -> { });
    }

    static StreamListener open(WebClient client, String uri) {
        return new StreamListener(client, uri, null);
    }

    static StreamListener resume(WebClient client, String uri, String lastEventId) {
        return new StreamListener(client, uri, lastEventId);
    }

    /** The events received (comments left out). */
    List<ServerSentEvent<String>> events() {
        return messages.stream().filter(m -> m.event() != null).toList();
    }

    List<String> types() {
        return events().stream().map(ServerSentEvent::event).toList();
    }

    List<Long> ids() {
        return events().stream().map(m -> Long.parseLong(m.id())).toList();
    }

    List<String> eventIds() {
        return events().stream().map(m -> (String) JsonPath.read(m.data(), "$.eventId")).toList();
    }

    boolean opened() {
        return messages.stream().anyMatch(m -> "stream open".equals(m.comment()));
    }

    String lastId() {
        List<ServerSentEvent<String>> events = events();
        return events.get(events.size() - 1).id();
    }

    @Override
    public void close() {
        subscription.dispose();
    }
}
