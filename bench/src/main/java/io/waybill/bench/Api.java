package io.waybill.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The service's HTTP API as one organisation's owner sees it: writes go to the command side, reads to the query
 * side. Every call answers its status, body and time taken; a connection failure or timeout is status 0.
 * <p>
 * Calls go through Apache HttpClient's blocking client over pooled HTTP/1.1 connections: the load generator shares
 * the host's two cores with the service and PostgreSQL, and the JDK's client cost about three times its CPU per
 * call (docs/design.md, "Performance"). Nothing is retried: a call that fails is an answer of its own. A connection
 * idle for a second is checked before it is used again (a process the fault suite restarted closed it). The
 * timeout bounds each wait for the server (2 s to connect), not the whole call.
 */
final class Api implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final CloseableHttpClient http;
    private final String commandBase;
    private final String queryBase;
    private final String orgId;
    private final String token;

    Api(String commandBase, String queryBase, String orgId, String token, Duration timeout) {
        this.commandBase = commandBase;
        this.queryBase = queryBase;
        this.orgId = orgId;
        this.token = token;
        this.http = HttpClients.custom().disableAutomaticRetries().disableCookieManagement()
                .disableRedirectHandling().disableContentCompression()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(4096).setMaxConnPerRoute(4096)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(2, TimeUnit.SECONDS).setSocketTimeout(Timeout.of(timeout))
                                .setValidateAfterInactivity(TimeValue.ofSeconds(1)).build())
                        .build())
                .build();
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

    @Override
    public void close() {
        http.close(CloseMode.IMMEDIATE);
    }

    private Reply send(String base, String method, String path, String body, Long ifMatch) {
        HttpUriRequestBase request = new HttpUriRequestBase(method, URI.create(base + path));
        request.setHeader("X-Org-Id", orgId);
        request.setHeader("Authorization", "Bearer " + token);
        if (!body.isEmpty()) {
            request.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        } else {
            request.setHeader("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.setHeader("If-Match", ifMatch.toString());
        }
        long start = System.nanoTime();
        try {
            return http.execute(request, response -> new Reply(response.getCode(),
                    response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(),
                            StandardCharsets.UTF_8), System.nanoTime() - start));
        } catch (IOException e) {
            return new Reply(0, String.valueOf(e), System.nanoTime() - start);
        }
    }
}
