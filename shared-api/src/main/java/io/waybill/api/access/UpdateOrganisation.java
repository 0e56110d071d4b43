package io.waybill.api.access;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

public record UpdateOrganisation(@TargetAggregateIdentifier String orgId, OrganisationDetails patch,
                                 Set<String> cleared) {
}
