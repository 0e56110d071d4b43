package io.waybill.command.access;

import io.waybill.api.access.MembershipView;
import io.waybill.api.access.OrganisationView;

import java.time.Instant;

/** The answers of the access writes that are more than a view: a token's secret is shown in them, once. */
final class AccessAnswers {

    private AccessAnswers() {
    }

    /** A token just issued; {@code expiresAt} is null for one that does not expire. */
    record IssuedToken(String id, String name, String orgId, Instant expiresAt) {
    }

    /** {@code POST /api/tokens}: the token, and its secret, shown this once. */
    record TokenIssuedAnswer(IssuedToken token, String plaintext) {
    }

    /** {@code POST /api/organizations}: the organisation, the caller's membership and an owner token. */
    record OrganisationCreatedAnswer(OrganisationView organization, MembershipView membership, IssuedToken token,
                                     String plaintext) {
    }

    /** {@code POST /api/organizations/current/members}: the member's first token, to hand over, and membership. */
    record MemberAddedAnswer(IssuedToken token, String plaintext, MembershipView membership) {
    }

    /** {@code POST /api/organizations/current/leave}: the organisation the caller left. */
    record LeftAnswer(boolean left, String orgId) {
    }
}
