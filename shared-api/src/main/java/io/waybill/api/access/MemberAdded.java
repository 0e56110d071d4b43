package io.waybill.api.access;

/** A user joined the organisation. Who the user is (e-mail, name) is personal data and stays out of events. */
public record MemberAdded(String orgId, String userId, Role role) implements OrganisationEvent {
}
