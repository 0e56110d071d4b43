package io.waybill.command.access;

import io.waybill.api.access.AddMember;
import io.waybill.api.access.ChangeMemberRole;
import io.waybill.api.access.CreateOrganisation;
import io.waybill.api.access.DeleteOrganisation;
import io.waybill.api.access.MemberAdded;
import io.waybill.api.access.MemberRemoved;
import io.waybill.api.access.MemberRoleChanged;
import io.waybill.api.access.MembershipView;
import io.waybill.api.access.OrganisationChanged;
import io.waybill.api.access.OrganisationCreated;
import io.waybill.api.access.OrganisationDeleted;
import io.waybill.api.access.OrganisationDetails;
import io.waybill.api.access.RemoveMember;
import io.waybill.api.access.Role;
import io.waybill.api.access.UpdateOrganisation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.waybill.api.ErrorCode.CONFLICT;
import static io.waybill.api.ErrorCode.FORBIDDEN;
import static io.waybill.api.ErrorCode.NOT_FOUND;
import static io.waybill.command.access.AccessTestDatabase.NOW;
import static io.waybill.command.access.AccessTestDatabase.details;
import static io.waybill.command.itemgroup.DomainErrorMatcher.domainError;
import static org.assertj.core.api.Assertions.assertThat;

/** An organisation's profile and its members' roles, with the access tables they write. */
class OrganisationTest {

    private static final String ORG = "org-1";
    private static final OrganisationDetails ACME = details("Acme", "acme");

    private AccessTestDatabase database;
    private AggregateTestFixture<Organisation> fixture;
    private String owner;
    private String admin;
    private String member;

    @BeforeEach
    void setUpFixture() {
        database = new AccessTestDatabase();
        fixture = new AggregateTestFixture<>(Organisation.class);
        fixture.registerInjectableResource(database.book);
        owner = database.user("olivia");
        admin = database.user("adam");
        member = database.user("mia");
    }

    /** Acme with an owner, an admin and a member, in the tables and as events. */
    private List<Object> acme() {
        return database.existing(ORG, ACME, Map.of(owner, Role.OWNER, admin, Role.ADMIN, member, Role.MEMBER));
    }

    @Test
    void givenNothing_whenCreate_thenTheCreatorIsItsOwner() {
        fixture.givenNoPriorActivity()
                .when(new CreateOrganisation(ORG, ACME, owner))
                .expectEvents(new OrganisationCreated(ORG, ACME), new MemberAdded(ORG, owner, Role.OWNER))
                .expectResultMessagePayload(new MembershipView(ORG, owner, Role.OWNER, fixture.currentTime()));

        assertThat(database.organisationRow(ORG)).containsEntry("name", "Acme").containsEntry("slug", "acme")
                .containsEntry("deleted", false);
        assertThat(database.members(ORG)).isEqualTo(Map.of(owner, "owner"));
        assertThat(database.book.roleOf(ORG, owner)).contains(Role.OWNER);
    }

    @Test
    void cannotCreateAnOrganisationWithASlugAnotherOneHas() {
        database.existing("org-2", details("Acme Two", "acme"), Map.of(admin, Role.OWNER));
        fixture.givenNoPriorActivity()
                .when(new CreateOrganisation(ORG, details("Acme", "acme"), owner))
                .expectException(domainError(CONFLICT, "field", "slug"))
                .expectNoEvents();

        assertThat(database.organisationCount()).isOne();
        assertThat(database.members(ORG)).isEmpty();
    }

    @Test
    void givenOrganisation_whenUpdated_thenOnlyTheChangedFieldsAreRecorded() {
        OrganisationDetails withCity = new OrganisationDetails("Acme", "acme", "Acme Ltd", null, "Austin", null,
                "US", null, null, null, null, null);
        database.existing(ORG, withCity, Map.of(owner, Role.OWNER));
        OrganisationDetails patch = new OrganisationDetails("Acme Works", null, null, null, "Austin", null, null,
                null, null, null, null, null);
        OrganisationDetails after = new OrganisationDetails("Acme Works", "acme", null, null, "Austin", null, "US",
                null, null, null, null, null);
        fixture.given(new OrganisationCreated(ORG, withCity), new MemberAdded(ORG, owner, Role.OWNER))
                .when(new UpdateOrganisation(ORG, patch, Set.of("legalName")))
                .expectEvents(new OrganisationChanged(ORG, after, List.of("name", "legalName")))
                .expectResultMessagePayload(after);

        assertThat(database.organisationRow(ORG)).containsEntry("name", "Acme Works")
                .containsEntry("legal_name", null).containsEntry("city", "Austin").containsEntry("country", "US");
    }

    @Test
    void givenOrganisation_whenPatchedWithWhatItHolds_thenNothingIsRecorded() {
        fixture.given(acme())
                .when(new UpdateOrganisation(ORG, details("Acme", "acme"), Set.of("city")))
                .expectNoEvents()
                .expectResultMessagePayload(ACME);
    }

    @Test
    void cannotTakeTheSlugOfAnotherOrganisation() {
        database.existing("org-2", details("Other", "other"), Map.of(admin, Role.OWNER));
        fixture.given(acme())
                .when(new UpdateOrganisation(ORG, details(null, "other"), Set.of()))
                .expectException(domainError(CONFLICT, "field", "slug"))
                .expectNoEvents();

        assertThat(database.organisationRow(ORG)).containsEntry("slug", "acme");
    }

    @Test
    void givenOrganisationWithTokens_whenDeleted_thenItsTokensAreRevokedAndItsSlugIsFree() {
        List<Object> acme = acme();
        database.existing("org-2", details("Other", "other"), Map.of(owner, Role.OWNER));
        database.token("t-acme", owner, ORG);
        database.token("t-other", owner, "org-2");
        fixture.given(acme)
                .when(new DeleteOrganisation(ORG))
                .expectEvents(new OrganisationDeleted(ORG))
                .expectMarkedDeleted();

        assertThat(database.organisationRow(ORG)).containsEntry("deleted", true).containsEntry("slug", null);
        assertThat(database.revokedAt("t-acme")).isEqualTo(NOW);
        assertThat(database.revokedAt("t-other")).isNull();
        assertThat(database.book.roleOf(ORG, owner)).isEmpty();
        fixture.givenNoPriorActivity()
                .when(new CreateOrganisation("org-3", ACME, admin))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void givenAdmin_whenAddsAViewer_thenTheViewerIsAMember() {
        String viewer = database.user("vic");
        fixture.given(acme())
                .when(new AddMember(ORG, viewer, Role.VIEWER, admin))
                .expectEvents(new MemberAdded(ORG, viewer, Role.VIEWER))
                .expectResultMessagePayload(new MembershipView(ORG, viewer, Role.VIEWER, fixture.currentTime()));

        assertThat(database.book.roleOf(ORG, viewer)).contains(Role.VIEWER);
    }

    @Test
    void addingSomeoneWhoIsAlreadyAMemberIsAConflict() {
        fixture.given(acme())
                .when(new AddMember(ORG, member, Role.VIEWER, admin))
                .expectException(domainError(CONFLICT, "userId", member))
                .expectNoEvents();

        assertThat(database.members(ORG)).containsEntry(member, "member");
    }

    @Test
    void anAdminCannotAddAnOwner() {
        String newcomer = database.user("nora");
        fixture.given(acme())
                .when(new AddMember(ORG, newcomer, Role.OWNER, admin))
                .expectException(domainError(FORBIDDEN, "role", "owner"))
                .expectNoEvents();

        assertThat(database.members(ORG)).doesNotContainKey(newcomer);
    }

    @Test
    void aMemberCannotGrantMoreThanTheirOwnRole() {
        String newcomer = database.user("nora");
        fixture.given(acme())
                .when(new AddMember(ORG, newcomer, Role.ADMIN, member))
                .expectException(domainError(FORBIDDEN, "role", "admin"))
                .expectNoEvents();
    }

    @Test
    void anAdminCannotPromoteAMemberToOwner() {
        fixture.given(acme())
                .when(new ChangeMemberRole(ORG, member, Role.OWNER, admin))
                .expectException(domainError(FORBIDDEN, "role", "owner"))
                .expectNoEvents();

        assertThat(database.members(ORG)).containsEntry(member, "member");
    }

    @Test
    void anAdminCannotDemoteOrRemoveAnOwner() {
        List<Object> acme = acme();
        fixture.given(acme)
                .when(new ChangeMemberRole(ORG, owner, Role.VIEWER, admin))
                .expectException(domainError(FORBIDDEN, "role", "owner"))
                .expectNoEvents();
        fixture.given(acme)
                .when(new RemoveMember(ORG, owner, admin))
                .expectException(domainError(FORBIDDEN, "role", "owner"))
                .expectNoEvents();

        assertThat(database.members(ORG)).containsEntry(owner, "owner");
    }

    @Test
    void aMemberCannotChangeTheRoleOfAnAdmin() {
        fixture.given(acme())
                .when(new ChangeMemberRole(ORG, admin, Role.VIEWER, member))
                .expectException(domainError(FORBIDDEN, "role", "admin"))
                .expectNoEvents();
    }

    @Test
    void givenAdmin_whenPromotesAMemberToAdmin_thenTheRoleChanges() {
        fixture.given(acme())
                .when(new ChangeMemberRole(ORG, member, Role.ADMIN, admin))
                .expectEvents(new MemberRoleChanged(ORG, member, Role.MEMBER, Role.ADMIN))
                .expectResultMessagePayload(new MembershipView(ORG, member, Role.ADMIN, fixture.currentTime()));

        assertThat(database.book.roleOf(ORG, member)).contains(Role.ADMIN);
    }

    @Test
    void changingARoleToTheRoleItIsRecordsNothing() {
        fixture.given(acme())
                .when(new ChangeMemberRole(ORG, member, Role.MEMBER, admin))
                .expectNoEvents()
                .expectResultMessagePayload(new MembershipView(ORG, member, Role.MEMBER, fixture.currentTime()));
    }

    @Test
    void theLastOwnerCannotBeDemoted() {
        fixture.given(acme())
                .when(new ChangeMemberRole(ORG, owner, Role.ADMIN, owner))
                .expectException(domainError(CONFLICT, "userId", owner))
                .expectNoEvents();

        assertThat(database.members(ORG)).containsEntry(owner, "owner");
    }

    @Test
    void theLastOwnerCannotLeaveNorBeRemoved() {
        fixture.given(acme())
                .when(new RemoveMember(ORG, owner, owner))
                .expectException(domainError(CONFLICT, "userId", owner))
                .expectNoEvents();

        assertThat(database.members(ORG)).containsEntry(owner, "owner");
    }

    @Test
    void givenTwoOwners_whenOneIsDemotedAndTheOtherRemoved_thenTheLastOneStays() {
        List<Object> acme = acme();
        database.book.changeRole(ORG, admin, Role.OWNER);
        List<Object> twoOwners = new ArrayList<>(acme);
        twoOwners.add(new MemberRoleChanged(ORG, admin, Role.ADMIN, Role.OWNER));
        fixture.given(twoOwners)
                .when(new ChangeMemberRole(ORG, admin, Role.ADMIN, owner))
                .expectEvents(new MemberRoleChanged(ORG, admin, Role.OWNER, Role.ADMIN));
        database.book.changeRole(ORG, admin, Role.OWNER);
        fixture.given(twoOwners)
                .when(new RemoveMember(ORG, owner, admin))
                .expectEvents(new MemberRemoved(ORG, owner, false));

        assertThat(database.members(ORG)).isEqualTo(Map.of(admin, "owner", member, "member"));
    }

    @Test
    void givenMember_whenLeaves_thenGoneAndTheirTokensForItRevoked() {
        List<Object> acme = acme();
        database.existing("org-2", details("Other", "other"), Map.of(member, Role.OWNER));
        database.token("t-acme", member, ORG);
        database.token("t-other", member, "org-2");
        fixture.given(acme)
                .when(new RemoveMember(ORG, member, member))
                .expectEvents(new MemberRemoved(ORG, member, true))
                .expectResultMessagePayload(member);

        assertThat(database.members(ORG)).doesNotContainKey(member);
        assertThat(database.revokedAt("t-acme")).isEqualTo(NOW);
        assertThat(database.revokedAt("t-other")).isNull();
    }

    @Test
    void givenMemberWithTokens_whenRemovedByAnAdmin_thenOnlyTheirTokensForThisOrganisationAreRevoked() {
        List<Object> acme = acme();
        database.existing("org-2", details("Other", "other"), Map.of(member, Role.OWNER));
        database.token("t-member-acme", member, ORG);
        database.token("t-member-other", member, "org-2");
        database.token("t-admin-acme", admin, ORG);
        fixture.given(acme)
                .when(new RemoveMember(ORG, member, admin))
                .expectEvents(new MemberRemoved(ORG, member, false));

        assertThat(database.book.roleOf(ORG, member)).isEmpty();
        assertThat(database.revokedAt("t-member-acme")).isEqualTo(NOW);
        assertThat(database.revokedAt("t-member-other")).isNull();
        assertThat(database.revokedAt("t-admin-acme")).isNull();
    }

    @Test
    void anUnknownMemberIsNotFound() {
        List<Object> acme = acme();
        String stranger = database.user("sam");
        fixture.given(acme)
                .when(new ChangeMemberRole(ORG, stranger, Role.VIEWER, admin))
                .expectException(domainError(NOT_FOUND, "id", stranger))
                .expectNoEvents();
        fixture.given(acme)
                .when(new RemoveMember(ORG, stranger, admin))
                .expectException(domainError(NOT_FOUND, "id", stranger))
                .expectNoEvents();
    }
}
