package io.waybill.api.access;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeMemberRole(@TargetAggregateIdentifier String orgId, String userId, Role role,
                               String actorUserId) {
}
