package io.waybill.launcher.api;

import io.waybill.platform.security.TokenSecrets;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal API tokens over HTTP: the secret is answered once and never again, a token serves one organisation of
 * its user, and a revoked one is refused on the very next request.
 */
abstract class AccessApiTokensContract extends AccessContractSupport {

    private static final Set<String> LISTED_FIELDS = Set.of("id", "userId", "orgId", "name", "createdAt",
            "expiresAt", "revokedAt");

    @Test
    void aNewTokensSecretIsAnsweredOnceAndNeverListed() {
        WebTestClient owner = newOrg();
        Member member = addMember(owner, "member");
        String orgId = orgIdOf(owner);
        Instant before = Instant.now();
        String answer = text(post(member.client(), "/api/tokens", body("name", "ci", "expiresInDays", 30)), 201);
        String id = read(answer, "$.token.id");
        String secret = read(answer, "$.plaintext");
        assertThat(secret).startsWith("wb_").hasSizeGreaterThan(40);
        assertThat((String) read(answer, "$.token.name")).isEqualTo("ci");
        assertThat((String) read(answer, "$.token.orgId")).isEqualTo(orgId);
        assertThat(Instant.parse(read(answer, "$.token.expiresAt")))
                .isBetween(before.plus(Duration.ofDays(30)), Instant.now().plus(Duration.ofDays(30)));
        as(orgId, secret).get().uri("/api/users/me").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.user.id").isEqualTo(member.userId());

        String list = text(member.client().get().uri("/api/tokens").exchange(), 200);
        assertThat((List<String>) read(list, "$.data[*].name")).containsExactly("first token", "ci");
        assertThat((List<String>) read(list, "$.data[*].userId")).containsOnly(member.userId());
        assertThat((List<String>) read(list, "$.data[?(@.id == '" + id + "')].revokedAt")).containsOnlyNulls();
        List<Map<String, Object>> tokens = read(list, "$.data");
        tokens.forEach(token -> assertThat(LISTED_FIELDS).containsAll(token.keySet()));
        assertThat(list).doesNotContain(secret).doesNotContain(TokenSecrets.hash(secret))
                .doesNotContain(secret.substring(TokenSecrets.PREFIX.length()));
        assertThat((List<String>) read(text(owner.get().uri("/api/tokens").exchange(), 200), "$.data[*].id"))
                .doesNotContain(id);
    }

    @Test
    void aTokenCreatesTokensForItsOwnOrganisationOnlyEvenForAMemberOfBoth() {
        WebTestClient ownerA = newOrg();
        WebTestClient ownerB = newOrg();
        String orgA = orgIdOf(ownerA);
        String orgB = orgIdOf(ownerB);
        String email = newEmail();
        String members = "/api/organizations/current/members";
        WebTestClient inA = as(orgA, read(text(post(ownerA, members, body("email", email, "role", "member")), 201),
                "$.plaintext"));
        String firstInB = read(text(post(ownerB, members, body("email", email, "role", "viewer")), 201),
                "$.plaintext");
        WebTestClient inB = as(orgB, firstInB);

        String notMine = orgIdOf(newOrg());
        for (String orgId : List.of(orgB, notMine, "no-such-organisation")) {
            expectError(post(inA, "/api/tokens", body("name", "sneaky", "orgId", orgId)), 403, "forbidden")
                    .jsonPath("$.error.details.field").isEqualTo("orgId");
        }
        String own = text(post(inB, "/api/tokens", body("name", "mine in b")), 201);
        assertThat((String) read(own, "$.token.orgId")).isEqualTo(orgB);
        WebTestClient mineInB = as(orgB, read(own, "$.plaintext"));
        mineInB.get().uri("/api/organizations/current").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.organization.id").isEqualTo(orgB);
        expectError(post(mineInB, "/api/orders", body("id", newSid("o"), "vendorName", "Acme")), 403, "forbidden");
        expectError(as(orgA, read(own, "$.plaintext")).get().uri("/api/organizations/current").exchange(), 403,
                "forbidden");
        assertThat((List<String>) read(text(inA.get().uri("/api/tokens").exchange(), 200), "$.data[*].orgId"))
                .containsExactly(orgA, orgB, orgB);
    }

    @Test
    void aRevokedTokenIsRefusedOnTheVeryNextRequest() {
        WebTestClient owner = newOrg();
        Member member = addMember(owner, "member");
        String orgId = orgIdOf(owner);
        String answer = text(post(member.client(), "/api/tokens", body("name", "spare")), 201);
        String spareId = read(answer, "$.token.id");
        WebTestClient spare = as(orgId, read(answer, "$.plaintext"));
        spare.get().uri("/api/users/me").exchange().expectStatus().isOk();

        member.client().delete().uri("/api/tokens/{id}", spareId).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.deletedId").isEqualTo(spareId);
        expectRefused(spare);
        member.client().delete().uri("/api/tokens/{id}", spareId).exchange().expectStatus().isOk();
        String list = text(member.client().get().uri("/api/tokens").exchange(), 200);
        assertThat((List<String>) read(list, "$.data[?(@.id == '" + spareId + "')].revokedAt"))
                .singleElement().isNotNull();

        String firstId = read(list, "$.data[0].id");
        expectError(owner.delete().uri("/api/tokens/{id}", firstId).exchange(), 404, "not_found");
        expectError(owner.delete().uri("/api/tokens/{id}", "no-such-token").exchange(), 404, "not_found");
        member.client().get().uri("/api/users/me").exchange().expectStatus().isOk();

        member.client().delete().uri("/api/tokens/{id}", firstId).exchange().expectStatus().isOk();
        expectRefused(member.client());
    }

    @Test
    void aTokensNameIsRequiredAndItsLifeOneDayToTenYears() {
        WebTestClient owner = newOrg();
        Member member = addMember(owner, "member");
        Map<Map<String, Object>, String> refused = Map.of(
                body("name", "t", "expiresInDays", 0), "expiresInDays",
                body("name", "t", "expiresInDays", 3651), "expiresInDays",
                body("name", "t", "expiresInDays", -1), "expiresInDays",
                body("name", "t", "expiresInDays", 1.5), "expiresInDays",
                body("name", "t", "expiresInDays", "7"), "expiresInDays",
                body("expiresInDays", 7), "name",
                body("name", "t", "secret", "mine"), "secret",
                body("name", "t", "orgId", " "), "orgId");
        refused.forEach((request, field) -> expectError(post(member.client(), "/api/tokens", request), 400,
                "validation_failed").jsonPath("$.error.details.fields." + field).isNotEmpty());

        for (int days : List.of(1, 3650)) {
            String answer = text(post(member.client(), "/api/tokens", body("name", "d" + days, "expiresInDays", days)),
                    201);
            assertThat(Instant.parse(read(answer, "$.token.expiresAt")))
                    .isAfter(Instant.now().plus(Duration.ofDays(days - 1)));
        }
        assertThat((List<String>) read(text(member.client().get().uri("/api/tokens").exchange(), 200),
                "$.data[*].name")).containsExactly("first token", "d1", "d3650");
    }
}
