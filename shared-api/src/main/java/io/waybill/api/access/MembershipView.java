package io.waybill.api.access;

import java.time.Instant;

public record MembershipView(String orgId, String userId, Role role, Instant joinedAt) {
}
