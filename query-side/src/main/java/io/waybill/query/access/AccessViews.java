package io.waybill.query.access;

import java.time.Instant;
import java.util.List;

/** What the access reads show of members and of the caller. */
final class AccessViews {

    private AccessViews() {
    }

    /** A member of the organisation; {@code displayName} is null where none was given. */
    record MemberView(String orgId, String userId, String email, String displayName, String role,
                      Instant joinedAt) {
    }

    /** The caller. */
    record UserView(String id, String email, String displayName, Instant createdAt) {
    }

    /** An organisation the caller belongs to, with their role there. */
    record UserOrganisationView(String id, String name, String slug, String role) {
    }

    /** {@code GET /api/users/me}: the caller, and every organisation they belong to. */
    record MeView(UserView user, List<UserOrganisationView> organizations) {
    }
}
