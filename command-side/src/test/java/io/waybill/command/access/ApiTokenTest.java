package io.waybill.command.access;

import io.waybill.api.access.ApiTokenIssued;
import io.waybill.api.access.ApiTokenRevoked;
import io.waybill.api.access.IssueApiToken;
import io.waybill.api.access.RevokeApiToken;
import io.waybill.api.access.Role;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import static io.waybill.api.ErrorCode.CONFLICT;
import static io.waybill.api.ErrorCode.NOT_FOUND;
import static io.waybill.command.access.AccessTestDatabase.NOW;
import static io.waybill.command.access.AccessTestDatabase.details;
import static io.waybill.command.itemgroup.DomainErrorMatcher.domainError;
import static org.assertj.core.api.Assertions.assertThat;

/** Personal API tokens: issued to members only, revoked by their own user, once. */
class ApiTokenTest {

    private static final String ORG = "org-1";
    private static final String TOKEN = "tok-1";
    private static final String HASH = "a".repeat(64);
    private static final Instant EXPIRES = Instant.parse("2026-06-09T09:00:00Z");

    private AccessTestDatabase database;
    private AggregateTestFixture<ApiToken> fixture;
    private String alice;
    private String bob;

    @BeforeEach
    void setUpFixture() {
        database = new AccessTestDatabase();
        fixture = new AggregateTestFixture<>(ApiToken.class);
        fixture.registerInjectableResource(database.book);
        alice = database.user("alice");
        bob = database.user("bob");
        database.existing(ORG, details("Acme", "acme"), Map.of(alice, Role.MEMBER, bob, Role.OWNER));
    }

    private IssueApiToken issue(String userId, String orgId) {
        return new IssueApiToken(TOKEN, userId, orgId, "laptop", EXPIRES, HASH);
    }

    private ApiTokenIssued issued() {
        return new ApiTokenIssued(TOKEN, alice, ORG, "laptop", EXPIRES);
    }

    /** The token as the tables hold it after it was issued. */
    private ApiTokenIssued stored() {
        database.book.addToken(TOKEN, HASH, alice, ORG, "laptop", EXPIRES);
        return issued();
    }

    @Test
    void givenMember_whenIssue_thenIssuedWithItsHashOnlyInTheTables() {
        fixture.givenNoPriorActivity()
                .when(issue(alice, ORG))
                .expectEvents(issued())
                .expectResultMessagePayload(TOKEN);

        assertThat(database.tokenRow(TOKEN))
                .containsEntry("secret_hash", HASH)
                .containsEntry("user_id", alice)
                .containsEntry("org_id", ORG)
                .containsEntry("name", "laptop")
                .containsEntry("revoked_at", null);
        assertThat(((OffsetDateTime) database.tokenRow(TOKEN).get("expires_at")).toInstant()).isEqualTo(EXPIRES);
        assertThat(((OffsetDateTime) database.tokenRow(TOKEN).get("created_at")).toInstant()).isEqualTo(NOW);
    }

    @Test
    void givenMember_whenIssueWithoutExpiry_thenTheTokenNeverExpires() {
        fixture.givenNoPriorActivity()
                .when(new IssueApiToken(TOKEN, alice, ORG, "ci", null, HASH))
                .expectEvents(new ApiTokenIssued(TOKEN, alice, ORG, "ci", null));

        assertThat(database.tokenRow(TOKEN)).containsEntry("expires_at", null);
    }

    @Test
    void aTokenForAnOrganisationTheUserIsNotAMemberOfIsNotFound() {
        String stranger = database.user("sam");
        fixture.givenNoPriorActivity()
                .when(issue(stranger, ORG))
                .expectException(domainError(NOT_FOUND, "id", ORG))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(issue(alice, "org-unknown"))
                .expectException(domainError(NOT_FOUND, "id", "org-unknown"))
                .expectNoEvents();

        assertThat(database.tokenCount()).isZero();
    }

    @Test
    void aTokenForADeletedOrganisationIsNotFound() {
        database.book.deleteOrganisation(ORG);
        fixture.givenNoPriorActivity()
                .when(issue(alice, ORG))
                .expectException(domainError(NOT_FOUND, "id", ORG))
                .expectNoEvents();

        assertThat(database.tokenCount()).isZero();
    }

    @Test
    void aTokenIdAlreadyInUseIsAConflict() {
        database.book.addToken(TOKEN, "b".repeat(64), bob, ORG, "bob's", null);
        fixture.givenNoPriorActivity()
                .when(issue(alice, ORG))
                .expectException(domainError(CONFLICT, "id", TOKEN))
                .expectNoEvents();

        assertThat(database.tokenRow(TOKEN)).containsEntry("user_id", bob);
    }

    @Test
    void givenIssuedToken_whenItsUserRevokesIt_thenRevoked() {
        fixture.given(stored())
                .when(new RevokeApiToken(TOKEN, alice))
                .expectEvents(new ApiTokenRevoked(TOKEN, alice, ORG))
                .expectResultMessagePayload(TOKEN);

        assertThat(database.revokedAt(TOKEN)).isEqualTo(NOW);
    }

    @Test
    void anotherUsersTokenIsNotFoundAndStaysValid() {
        fixture.given(stored())
                .when(new RevokeApiToken(TOKEN, bob))
                .expectException(domainError(NOT_FOUND, "id", TOKEN))
                .expectNoEvents();

        assertThat(database.revokedAt(TOKEN)).isNull();
    }

    @Test
    void revokingTwiceRecordsOneEvent() {
        fixture.givenCommands(issue(alice, ORG), new RevokeApiToken(TOKEN, alice))
                .when(new RevokeApiToken(TOKEN, alice))
                .expectNoEvents()
                .expectResultMessagePayload(TOKEN);

        assertThat(database.revokedAt(TOKEN)).isEqualTo(NOW);
    }
}
