package io.waybill.api.access;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revokes a token of {@code userId}; another user's token is not found. */
public record RevokeApiToken(@TargetAggregateIdentifier String tokenId, String userId) {
}
