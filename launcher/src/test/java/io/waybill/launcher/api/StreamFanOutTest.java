package io.waybill.launcher.api;

import io.waybill.testing.RunningApp;
import io.waybill.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One process serving a thousand open streams from its one feed: each gets every event once, in order. */
class StreamFanOutTest extends ApiContractSupport {

    private static final int SUBSCRIBERS = 1000;
    private static final int EVENTS = 20;

    @Override
    protected Map<String, Object> database() {
        return TestDatabases.embedded();
    }

    @Test
    void aThousandSubscribersEachReceiveEveryEventOnceInOrder() {
        String label = "org-fan-out";
        var writer = app.client(label);
        RunningApp.Credentials credentials = app.organisation(label);
        String port = app.context().getEnvironment().getProperty("local.server.port");
        ConnectionProvider connections = ConnectionProvider.builder("fan-out").maxConnections(SUBSCRIBERS + 10)
                .pendingAcquireMaxCount(-1).build();
        WebClient client = WebClient.builder().baseUrl("http://localhost:" + port)
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections)))
                .defaultHeader("X-Org-Id", credentials.orgId())
                .defaultHeader("Authorization", "Bearer " + credentials.token()).build();
        List<StreamListener> streams = new ArrayList<>();
        long started = System.nanoTime();
        try {
            for (int i = 0; i < SUBSCRIBERS; i++) {
                streams.add(StreamListener.open(client, "/api/events/stream"));
            }
            eventually().untilAsserted(() -> assertThat(streams).allMatch(StreamListener::opened));
            long opened = System.nanoTime();
            String order = createOrder(writer, newSid("o"));
            for (int i = 1; i < EVENTS; i++) {
                patch(writer, "/api/orders/" + order, body("title", "T" + i)).expectStatus().isOk();
            }
            eventually().untilAsserted(() -> assertThat(streams).allMatch(s -> s.events().size() >= EVENTS));
            List<Long> expected = streams.get(0).ids();
            assertThat(expected).hasSize(EVENTS).isSorted().doesNotHaveDuplicates();
            for (StreamListener stream : streams) {
                assertThat(stream.ids()).containsExactlyElementsOf(expected);
            }
            System.out.printf("fan-out: %d streams opened in %d ms, %d events to each in %d ms%n", SUBSCRIBERS,
                    (opened - started) / 1_000_000, EVENTS, (System.nanoTime() - opened) / 1_000_000);
        } finally {
            streams.forEach(StreamListener::close);
            connections.dispose();
        }
    }
}
