package io.waybill.api.access;

import java.time.Instant;

public record ApiTokenView(String id, String userId, String orgId, String name, Instant createdAt,
                           Instant expiresAt, Instant revokedAt) {
}
