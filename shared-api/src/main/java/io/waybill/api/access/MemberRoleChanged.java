package io.waybill.api.access;

public record MemberRoleChanged(String orgId, String userId, Role from, Role to) implements OrganisationEvent {
}
