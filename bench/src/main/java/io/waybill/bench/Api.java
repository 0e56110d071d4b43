package io.waybill.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The service's HTTP API as one organisation's owner sees it: writes go to the command side, reads to the query
 * side. Every call answers its status, body and time taken; a connection failure or timeout is status 0.
 */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String commandBase;
    private final String queryBase;
    private final String orgId;
    private final String token;
    private final Duration timeout;

    Api(String commandBase, String queryBase, String orgId, String token, Duration timeout) {
        this.commandBase = commandBase;
        this.queryBase = queryBase;
        this.orgId = orgId;
        this.token = token;
        this.timeout = timeout;
    }

    record Reply(int status, String body, long nanos) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        String errorCode() {
            return status == 0 ? "no answer: " + body : json().path("error").path("code").asString();
        }
    }

    Reply post(String path, String body) {
        return send(commandBase, "POST", path, body, null);
    }

    Reply patch(String path, String body, Long ifMatch) {
        return send(commandBase, "PATCH", path, body, ifMatch);
    }

    /** A POST without a body to the query side: the operations endpoints (replays) live there. */
    Reply postToQuerySide(String path) {
        return send(queryBase, "POST", path, "", null);
    }

    Reply get(String path) {
        return send(queryBase, "GET", path, "", null);
    }

    /** A GET that must answer 2xx, as JSON. */
    JsonNode read(String path) {
        Reply reply = get(path);
        if (!reply.ok()) {
            throw new IllegalStateException("GET " + path + " answered " + reply.status() + ": " + reply.body());
        }
        return reply.json();
    }

    /** A POST that must answer 2xx, as JSON. */
    JsonNode write(String path, String body) {
        Reply reply = post(path, body);
        if (!reply.ok()) {
            throw new IllegalStateException("POST " + path + " answered " + reply.status() + ": " + reply.body());
        }
        return reply.json();
    }

    String orgId() {
        return orgId;
    }

    String token() {
        return token;
    }

    String queryBase() {
        return queryBase;
    }

    private Reply send(String base, String method, String path, String body, Long ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Content-Type", "application/json").header("X-Org-Id", orgId)
                .header("Authorization", "Bearer " + token)
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch.toString());
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), System.nanoTime() - start);
        } catch (IOException e) {
            return new Reply(0, String.valueOf(e), System.nanoTime() - start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(0, "interrupted", System.nanoTime() - start);
        }
    }
}
