package io.waybill.api.access;

public record OrganisationDeleted(String orgId) implements OrganisationEvent {
}
