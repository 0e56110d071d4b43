package io.waybill.api.access;

public record OrganisationCreated(String orgId, OrganisationDetails details) implements OrganisationEvent {
}
