package io.waybill.api.access;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Issues a token to {@code userId} for {@code orgId}. {@code secretHash} is the SHA-256 of the secret, which only
 * the caller ever sees; {@code expiresAt} may be null (no expiry).
 */
public record IssueApiToken(@TargetAggregateIdentifier String tokenId, String userId, String orgId, String name,
                            Instant expiresAt, String secretHash) {

    @Override
    public String toString() {
        return "IssueApiToken[tokenId=" + tokenId + ", userId=" + userId + ", orgId=" + orgId + "]";
    }
}
