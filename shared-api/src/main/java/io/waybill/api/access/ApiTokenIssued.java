package io.waybill.api.access;

import java.time.Instant;

public record ApiTokenIssued(String tokenId, String userId, String orgId, String name, Instant expiresAt)
        implements ApiTokenEvent {
}
