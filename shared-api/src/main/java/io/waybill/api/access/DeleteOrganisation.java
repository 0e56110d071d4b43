package io.waybill.api.access;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeleteOrganisation(@TargetAggregateIdentifier String orgId) {
}
