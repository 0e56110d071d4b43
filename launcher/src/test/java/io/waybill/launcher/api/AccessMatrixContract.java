package io.waybill.launcher.api;

import io.waybill.api.RecordStreams;
import io.waybill.api.access.Role;
import io.waybill.launcher.api.fuzz.MappedEndpoint;
import io.waybill.platform.security.EndpointRoles;
import io.waybill.testing.RunningApp;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of the service, found in its request mappings (so a new one cannot be forgotten), called as
 * every kind of caller that must be refused: no token, a revoked one, an expired one, another organisation's,
 * each role below the one the endpoint declares, and with the ids of another organisation's resources. A third
 * organisation holds records under the same client ids as the other one, and sees only its own.
 */
abstract class AccessMatrixContract extends ApiContractSupport {

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(?::([^}]*))?}");
    private static final String TWIN_NAME = "Twin-Name";
    /** The name the other organisation's records carry: an answer to the matrix's callers that shows it leaked. */
    private static final String SECRET_NAME = "Foreign-Secret-Name";
    private static final List<String> NOT_IDS = List.of("collection", "inventory", "name", "control");

    /** One method and concrete path (alternatives of a constrained variable expanded) and its declared role. */
    record Endpoint(HttpMethod method, String pattern, Role role) {

        @Override
        public String toString() {
            return method + " " + pattern + " (" + role.code() + ")";
        }
    }

    private List<Endpoint> endpoints;
    private RunningApp.Credentials ours;
    private final Map<Role, WebTestClient> roles = new LinkedHashMap<>();
    private WebTestClient revoked;
    private WebTestClient expired;
    private WebTestClient foreignToken;
    private ForeignResources foreign;
    private WebTestClient twinOwner;
    private ForeignResources twin;

    @BeforeAll
    void callers() {
        endpoints = endpoints();
        ours = app.organisation(newOrgId());
        WebTestClient owner = app.client(ours);
        roles.put(Role.OWNER, owner);
        for (Role role : List.of(Role.VIEWER, Role.MEMBER, Role.ADMIN)) {
            roles.put(role, addMember(owner, role.code()).client());
        }
        revoked = tokenOf(owner, null);
        String revokedId = read(text(owner.get().uri("/api/tokens").exchange(), 200), "$.data[-1].id");
        owner.delete().uri("/api/tokens/" + revokedId).exchange().expectStatus().isOk();
        expired = tokenOf(owner, 1);
        String expiredId = read(text(owner.get().uri("/api/tokens").exchange(), 200), "$.data[-1].id");
        app.bean(JdbcTemplate.class).update("UPDATE access_token SET expires_at = CURRENT_TIMESTAMP - INTERVAL '1' "
                + "SECOND WHERE token_id = ?", expiredId);
        String sharedIds = newSid("shared");
        List<MappedEndpoint> mapped = MappedEndpoint.all(app.context().getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class));
        twinOwner = app.client(app.organisation(newOrgId()));
        twin = ForeignResources.create(this, twinOwner, sharedIds, TWIN_NAME, mapped);
        RunningApp.Credentials theirs = app.organisation(newOrgId());
        foreignToken = app.client().mutate().defaultHeader("Authorization", "Bearer " + theirs.token())
                .defaultHeader("X-Org-Id", ours.orgId()).build();
        foreign = ForeignResources.create(this, app.client(theirs), sharedIds, SECRET_NAME, mapped);
        foreign.put("dead-letters", parkedEventOf(theirs.orgId(), foreign.get("orders")));
    }

    /** Parks the creation of the other organisation's order, as a failing projection would: a letter of theirs. */
    private String parkedEventOf(String orgId, String orderSid) {
        String stream = RecordStreams.of(orgId, orderSid);
        var queue = app.bean(EventProcessingConfiguration.class).deadLetterQueue("orders").orElseThrow();
        EventMessage<?> created = app.bean(EventStore.class).readEvents(stream).next();
        queue.enqueue(stream, new GenericDeadLetter<>(stream, created, new IllegalStateException("parked")));
        return app.bean(JdbcTemplate.class).queryForObject("SELECT deadletteridentifier FROM deadletterentry "
                + "WHERE sequenceidentifier = ?", String.class, stream);
    }

    @Test
    void theMatrixCoversEveryEndpoint() {
        assertThat(endpoints).hasSizeGreaterThan(60);
        assertThat(endpoints).extracting(Endpoint::role).contains(Role.values());
    }

    @Test
    void callersWithoutAValidTokenAreUnauthorized() {
        WebTestClient anonymous = app.client().mutate().defaultHeader("X-Org-Id", ours.orgId()).build();
        for (Endpoint endpoint : endpoints) {
            for (WebTestClient caller : List.of(anonymous, revoked, expired)) {
                expectError(call(caller, endpoint, ownIds(endpoint.pattern())), 401, "unauthorized");
            }
        }
    }

    @Test
    void anotherOrganisationsTokenIsForbidden() {
        for (Endpoint endpoint : endpoints) {
            expectError(call(foreignToken, endpoint, ownIds(endpoint.pattern())), 403, "forbidden");
        }
    }

    @Test
    void everyRoleBelowTheDeclaredOneIsForbiddenAndTheDeclaredOneIsNot() {
        for (Endpoint endpoint : endpoints) {
            for (Role role : Role.values()) {
                if (!role.includes(endpoint.role())) {
                    expectError(call(roles.get(role), endpoint, ownIds(endpoint.pattern())), 403, "forbidden");
                } else if (endpoint.method() == HttpMethod.GET) {
                    int status = call(roles.get(role), endpoint, ownIds(endpoint.pattern()))
                            .returnResult(String.class).getStatus().value();
                    assertThat(status).as(endpoint + " as " + role).isNotIn(401, 403);
                }
            }
        }
    }

    @Test
    void idsOfAnotherOrganisationAreNotFound() {
        WebTestClient owner = roles.get(Role.OWNER);
        int checked = 0;
        for (Endpoint endpoint : endpoints) {
            String path = idsIn(endpoint.pattern(), foreign);
            if (path == null) {
                continue;
            }
            String body = text(exchange(owner, endpoint.method(), path, foreign.bodyFor(endpoint)), 404);
            assertThat(body).as(endpoint.toString()).contains("\"not_found\"")
                    .doesNotContain(SECRET_NAME);
            checked++;
        }
        assertThat(checked).isGreaterThan(25);
    }

    @Test
    void anotherOrganisationUsingTheSameIdsSeesOnlyItsOwnRecords() {
        ForeignResources.CLIENT_CHOSEN.forEach(kind ->
                assertThat(twin.get(kind)).as(kind).isEqualTo(foreign.get(kind)));
        int checked = 0;
        for (Endpoint endpoint : endpoints) {
            // the records are materials' and their ledger's: the finished goods' paths do not hold them
            String path = endpoint.method() == HttpMethod.GET && !endpoint.pattern().endsWith("/stream")
                    && !endpoint.pattern().startsWith("/api/ops/dead-letters/")
                    && !endpoint.pattern().startsWith("/api/fg-inventory/")
                    ? idsIn(endpoint.pattern(), twin) : null;
            if (path == null) {
                continue;
            }
            String body = text(twinOwner.get().uri(path).exchange(), 200);
            assertThat(body).as(endpoint.toString()).doesNotContain(SECRET_NAME);
            checked++;
        }
        assertThat(checked).isGreaterThan(20);
    }

    private WebTestClient tokenOf(WebTestClient owner, Integer expiresInDays) {
        Map<String, Object> request = expiresInDays == null ? body("name", "t")
                : body("name", "t", "expiresInDays", expiresInDays);
        String secret = read(text(post(owner, "/api/tokens", request), 201), "$.plaintext");
        return app.client(new RunningApp.Credentials(ours.orgId(), secret));
    }

    private WebTestClient.ResponseSpec call(WebTestClient client, Endpoint endpoint, String path) {
        return exchange(client, endpoint.method(), path, Map.of());
    }

    static WebTestClient.ResponseSpec exchange(WebTestClient client, HttpMethod method, String path,
                                              Map<String, Object> body) {
        var request = client.method(method).uri(path);
        if (method == HttpMethod.GET || method == HttpMethod.DELETE) {
            return request.exchange();
        }
        return request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** The path with made-up ids: whatever the ids, a refused caller learns nothing about them. */
    private static String ownIds(String pattern) {
        return VARIABLE.matcher(pattern).replaceAll("x-1");
    }

    /** The path with ids of an organisation's resources, or null when the path names none. */
    private static String idsIn(String pattern, ForeignResources ids) {
        Matcher matcher = VARIABLE.matcher(pattern);
        boolean anyId = false;
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            if (NOT_IDS.contains(matcher.group(1))) {
                return null;
            }
            anyId = true;
            matcher.appendReplacement(path, ids.idFor(pattern, matcher.group(1)));
        }
        matcher.appendTail(path);
        return anyId ? path.toString() : null;
    }

    List<Endpoint> endpoints() {
        var mapping = app.context().getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        List<Endpoint> all = new ArrayList<>();
        for (var declared : EndpointRoles.all(mapping)) {
            declared.methods().forEach(method -> expand(declared.pattern()).forEach(path ->
                    all.add(new Endpoint(HttpMethod.valueOf(method.name()), path, declared.role()))));
        }
        return all;
    }

    /** Each alternative of a constrained variable ({@code {collection:locations|vendors}}) as its own path. */
    private static List<String> expand(String pattern) {
        Matcher matcher = VARIABLE.matcher(pattern);
        while (matcher.find()) {
            if (matcher.group(2) != null && NOT_IDS.contains(matcher.group(1))) {
                String before = pattern.substring(0, matcher.start());
                String after = pattern.substring(matcher.end());
                return Arrays.stream(matcher.group(2).split("\\|"))
                        .flatMap(alternative -> expand(before + alternative + after).stream()).toList();
            }
        }
        return List.of(pattern);
    }
}
