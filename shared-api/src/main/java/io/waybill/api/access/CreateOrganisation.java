package io.waybill.api.access;

import io.waybill.api.CreationCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates an organisation whose first owner is {@code ownerUserId}. */
public record CreateOrganisation(@TargetAggregateIdentifier String orgId, OrganisationDetails details,
                                 String ownerUserId) implements CreationCommand {
}
