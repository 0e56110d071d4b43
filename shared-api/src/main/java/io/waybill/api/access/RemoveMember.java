package io.waybill.api.access;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes {@code userId}; when the actor is that user, they leave. */
public record RemoveMember(@TargetAggregateIdentifier String orgId, String userId, String actorUserId) {
}
