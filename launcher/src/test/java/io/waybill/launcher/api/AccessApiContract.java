package io.waybill.launcher.api;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Organisations and their members over HTTP: creating one, its profile, who belongs with which role, who may
 * grant what, leaving, and that a removed member or a deleted organisation is refused on the very next request.
 */
abstract class AccessApiContract extends AccessContractSupport {

    @Test
    void creatingAnOrganisationMakesTheCallerItsOwner() {
        WebTestClient caller = newOrg();
        String slug = newSlug();
        String answer = text(post(caller, "/api/organizations", body("name", "Acme Works", "slug", slug,
                "city", "Austin", "country", "us")), 201);
        String orgId = read(answer, "$.organization.id");
        assertThat(orgId).isNotBlank().isNotEqualTo(orgIdOf(caller));
        assertThat((String) read(answer, "$.organization.name")).isEqualTo("Acme Works");
        assertThat((String) read(answer, "$.organization.slug")).isEqualTo(slug);
        assertThat((String) read(answer, "$.organization.country")).isEqualTo("US");
        assertThat((String) read(answer, "$.membership.orgId")).isEqualTo(orgId);
        assertThat((String) read(answer, "$.membership.userId")).isEqualTo(userIdOf(caller));
        assertThat((String) read(answer, "$.membership.role")).isEqualTo("owner");

        caller.get().uri("/api/users/me").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.organizations[?(@.id == '" + orgId + "')].role").isEqualTo(List.of("owner"))
                .jsonPath("$.organizations[?(@.id == '" + orgId + "')].slug").isEqualTo(List.of(slug));
        assertThat((String) read(answer, "$.token.orgId")).isEqualTo(orgId);
        WebTestClient inNew = as(orgId, read(answer, "$.plaintext"));
        inNew.get().uri("/api/organizations/current").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.organization.id").isEqualTo(orgId)
                .jsonPath("$.organization.city").isEqualTo("Austin");
    }

    @Test
    void aTakenSlugIsAConflictNamingTheField() {
        WebTestClient caller = newOrg();
        String slug = newSlug();
        post(caller, "/api/organizations", body("name", "First", "slug", slug)).expectStatus().isCreated();
        expectError(post(caller, "/api/organizations", body("name", "Second", "slug", slug)), 409, "conflict")
                .jsonPath("$.error.details.field").isEqualTo("slug");
        expectError(patch(caller, "/api/organizations/current", body("slug", slug)), 409, "conflict")
                .jsonPath("$.error.details.field").isEqualTo("slug");

        caller.get().uri("/api/users/me").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.organizations[?(@.slug == '" + slug + "')].name").isEqualTo(List.of("First"));
    }

    @Test
    void badOrganisationBodiesAreRefusedWithTheirFields() {
        WebTestClient caller = newOrg();
        int before = organisationsOf(caller).size();
        Map<Map<String, Object>, List<String>> refused = Map.of(
                body("name", "Acme", "slug", "Acme Works"), List.of("slug"),
                body("name", "Acme", "slug", "-acme"), List.of("slug"),
                body("name", "Acme", "slug", newSlug(), "colour", "red"), List.of("colour"),
                body("slug", newSlug()), List.of("name"),
                body("name", "Acme"), List.of("slug"),
                body("name", " ", "slug", newSlug(), "country", "USA", "logoUrl", "ftp://x"),
                List.of("name", "country", "logoUrl"));
        refused.forEach((request, fields) -> {
            var error = expectError(post(caller, "/api/organizations", request), 400, "validation_failed");
            fields.forEach(field -> error.jsonPath("$.error.details.fields." + field).isNotEmpty());
        });
        expectError(post(caller, "/api/organizations", body("name", "Acme", "slug", newSlug(), "colour", "red")),
                400, "validation_failed").jsonPath("$.error.details.fields.colour").isEqualTo("unknown field");

        assertThat(organisationsOf(caller)).hasSize(before);
    }

    @Test
    void everyMemberReadsTheOrganisationAndAnAdminChangesIt() {
        WebTestClient owner = newOrg();
        Member viewer = addMember(owner, "viewer");
        Member admin = addMember(owner, "admin");
        String name = read(text(viewer.client().get().uri("/api/organizations/current").exchange(), 200),
                "$.organization.name");

        expectError(patch(viewer.client(), "/api/organizations/current", body("city", "Austin")), 403, "forbidden");
        patch(admin.client(), "/api/organizations/current", body("legalName", "Acme Ltd", "city", "Austin",
                "country", "us", "contactEmail", "Desk@Acme.example")).expectStatus().isOk().expectBody()
                .jsonPath("$.organization.legalName").isEqualTo("Acme Ltd")
                .jsonPath("$.organization.country").isEqualTo("US")
                .jsonPath("$.organization.contactEmail").isEqualTo("desk@acme.example")
                .jsonPath("$.organization.name").isEqualTo(name);
        patch(admin.client(), "/api/organizations/current", body("legalName", null, "zipCode", "78701"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.organization.legalName").doesNotExist()
                .jsonPath("$.organization.city").isEqualTo("Austin");
        expectError(patch(admin.client(), "/api/organizations/current", body("name", null)), 400,
                "validation_failed").jsonPath("$.error.details.fields.name").isNotEmpty();
        expectError(patch(admin.client(), "/api/organizations/current", body("slug", null)), 400,
                "validation_failed").jsonPath("$.error.details.fields.slug").isNotEmpty();

        viewer.client().get().uri("/api/organizations/current").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.organization.name").isEqualTo(name)
                .jsonPath("$.organization.legalName").doesNotExist()
                .jsonPath("$.organization.city").isEqualTo("Austin")
                .jsonPath("$.organization.zipCode").isEqualTo("78701");
    }

    @Test
    void anAdminAddsChangesAndRemovesMembers() {
        WebTestClient owner = newOrg();
        Member admin = addMember(owner, "admin");
        String email = newEmail();
        String answer = text(post(admin.client(), "/api/organizations/current/members",
                body("email", email.toUpperCase(), "displayName", "Vic", "role", "viewer")), 201);
        assertThat((String) read(answer, "$.membership.role")).isEqualTo("viewer");
        assertThat((String) read(answer, "$.token.id")).isNotBlank();
        assertThat((String) read(answer, "$.token.expiresAt")).isNotBlank();
        String viewerId = read(answer, "$.membership.userId");
        WebTestClient viewer = as(orgIdOf(owner), read(answer, "$.plaintext"));
        viewer.get().uri("/api/users/me").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.user.id").isEqualTo(viewerId)
                .jsonPath("$.user.email").isEqualTo(email)
                .jsonPath("$.user.displayName").isEqualTo("Vic");
        assertThat(membersOf(viewer)).containsEntry(email, "viewer").containsEntry(OWNER_EMAIL, "owner")
                .hasSize(3);
        expectError(post(viewer, "/api/orders", body("id", newSid("o"), "vendorName", "Acme")), 403, "forbidden");

        patch(admin.client(), "/api/organizations/current/members/" + viewerId, body("role", "member"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.userId").isEqualTo(viewerId).jsonPath("$.role").isEqualTo("member");
        assertThat(membersOf(owner)).containsEntry(email, "member");
        post(viewer, "/api/orders", body("id", newSid("o"), "vendorName", "Acme")).expectStatus().isCreated();
        expectError(post(admin.client(), "/api/organizations/current/members", body("email", email, "role",
                "viewer")), 409, "conflict");
        expectError(patch(admin.client(), "/api/organizations/current/members/" + viewerId, body("role", "chief")),
                400, "validation_failed").jsonPath("$.error.details.fields.role").isNotEmpty();

        admin.client().delete().uri("/api/organizations/current/members/{id}", viewerId).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.deletedId").isEqualTo(viewerId);
        assertThat(membersOf(owner)).doesNotContainKey(email).hasSize(2);
        expectError(admin.client().delete().uri("/api/organizations/current/members/{id}", viewerId).exchange(),
                404, "not_found");
    }

    @Test
    void anAdminCannotMakeAnyoneOwnerNorTouchAnOwner() {
        WebTestClient owner = newOrg();
        Member admin = addMember(owner, "admin");
        Member member = addMember(owner, "member");
        String ownerId = userIdOf(owner);
        String email = newEmail();
        String members = "/api/organizations/current/members";
        expectError(post(admin.client(), members, body("email", email, "role", "owner")), 403, "forbidden");
        expectError(patch(admin.client(), members + "/" + member.userId(), body("role", "owner")), 403,
                "forbidden");
        expectError(patch(admin.client(), members + "/" + ownerId, body("role", "viewer")), 403, "forbidden");
        expectError(admin.client().delete().uri(members + "/" + ownerId).exchange(), 403, "forbidden");
        expectError(post(member.client(), members, body("email", newEmail(), "role", "viewer")), 403, "forbidden");

        assertThat(membersOf(owner)).containsEntry(OWNER_EMAIL, "owner").doesNotContainKey(email).hasSize(3);
        assertThat(membersOf(owner).values()).containsExactlyInAnyOrder("owner", "admin", "member");
        String added = text(post(admin.client(), members, body("email", email, "role", "viewer")), 201);
        as(orgIdOf(owner), read(added, "$.plaintext")).get().uri("/api/organizations/current/members").exchange()
                .expectStatus().isOk();
    }

    @Test
    void theLastOwnerCannotLeaveButEveryoneElseCan() {
        WebTestClient owner = newOrg();
        expectError(post(owner, "/api/organizations/current/leave", body()), 409, "conflict");
        Member member = addMember(owner, "member");
        post(member.client(), "/api/organizations/current/leave", body()).expectStatus().isOk().expectBody()
                .jsonPath("$.left").isEqualTo(true).jsonPath("$.orgId").isEqualTo(orgIdOf(owner));
        expectRefused(member.client());

        Member second = addMember(owner, "admin");
        patch(owner, "/api/organizations/current/members/" + second.userId(), body("role", "owner"))
                .expectStatus().isOk().expectBody().jsonPath("$.role").isEqualTo("owner");
        post(owner, "/api/organizations/current/leave", body()).expectStatus().isOk();
        expectRefused(owner);
        assertThat(membersOf(second.client())).hasSize(1).containsValue("owner");
        expectError(post(second.client(), "/api/organizations/current/leave", body()), 409, "conflict");
    }

    @Test
    void aRemovedMembersTokenIsRefusedOnTheVeryNextRequest() {
        WebTestClient owner = newOrg();
        Member member = addMember(owner, "member");
        String spare = newToken(member.client(), orgIdOf(owner));
        member.client().get().uri("/api/organizations/current").exchange().expectStatus().isOk();

        owner.delete().uri("/api/organizations/current/members/{id}", member.userId()).exchange()
                .expectStatus().isOk();
        expectRefused(member.client());
        expectRefused(as(orgIdOf(owner), spare));
    }

    @Test
    void aMemberWhoLostTheirLastMembershipCanBeLetInAgain() {
        WebTestClient owner = newOrg();
        String email = newEmail();
        String members = "/api/organizations/current/members";
        String first = text(post(owner, members, body("email", email, "role", "member")), 201);
        String userId = read(first, "$.membership.userId");
        owner.delete().uri(members + "/{id}", userId).exchange().expectStatus().isOk();

        String again = text(post(owner, members, body("email", email, "role", "viewer")), 201);
        assertThat((String) read(again, "$.membership.userId")).isEqualTo(userId);
        as(orgIdOf(owner), read(again, "$.plaintext")).get().uri("/api/users/me").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.organizations[*].role").isEqualTo(List.of("viewer"));
    }

    @Test
    void onlyTheOwnerDeletesTheOrganisationAndThenItsTokensAreRefused() {
        WebTestClient owner = newOrg();
        Member admin = addMember(owner, "admin");
        Member viewer = addMember(owner, "viewer");
        String orgId = orgIdOf(owner);
        String slug = read(text(owner.get().uri("/api/organizations/current").exchange(), 200),
                "$.organization.slug");
        expectError(admin.client().delete().uri("/api/organizations/current").exchange(), 403, "forbidden");

        owner.delete().uri("/api/organizations/current").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.deletedId").isEqualTo(orgId);
        for (WebTestClient client : List.of(owner, admin.client(), viewer.client())) {
            expectRefused(client);
        }
        WebTestClient root = app.root();
        assertThat(organisationsOf(root)).extracting(org -> org.get("id")).doesNotContain(orgId);
        post(root, "/api/organizations", body("name", "Reused", "slug", slug)).expectStatus().isCreated();
        expectError(post(root, "/api/tokens", body("name", "late", "orgId", orgId)), 403, "forbidden");
    }
}
