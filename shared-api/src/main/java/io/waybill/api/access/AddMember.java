package io.waybill.api.access;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds {@code userId} with {@code role}; {@code actorUserId} may not grant more than their own role. */
public record AddMember(@TargetAggregateIdentifier String orgId, String userId, Role role, String actorUserId) {
}
