package io.waybill.launcher.api.fuzz;

import com.jayway.jsonpath.JsonPath;
import io.waybill.testing.RunningApp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Sends raw requests, bytes as they are and any Content-Type or none, as an organisation's owner. */
public final class FuzzClient {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI base;
    private final RunningApp.Credentials owner;

    public FuzzClient(RunningApp app, RunningApp.Credentials owner) {
        this.base = URI.create("http://localhost:" + app.context().getEnvironment().getProperty("local.server.port"));
        this.owner = owner;
    }

    public HttpResponse<String> send(FuzzRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(request.endpoint().path()))
                .header("Authorization", "Bearer " + owner.token())
                .header("X-Org-Id", owner.orgId())
                .timeout(Duration.ofSeconds(30))
                .method(request.endpoint().method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("no answer to " + request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends the endpoint's template unspoiled: the server must carry it out, row by row for a bulk one. */
    public void sendValid(WriteEndpoint endpoint) {
        FuzzRequest request = FuzzRequest.json(endpoint, null, null, endpoint.wrap(JsonText.write(endpoint.body())));
        HttpResponse<String> answer = send(request);
        assertThat(answer.statusCode()).as("the unspoiled %s answers %s", request, answer.body()).isBetween(200, 201);
        if (endpoint.bulk()) {
            List<String> statuses = JsonPath.read(answer.body(), "$..status");
            assertThat(statuses).as("rows of %s: %s", request, answer.body()).doesNotContain("failed");
        }
    }
}
