package io.waybill.api.access;

/** A member left ({@code left}) or was removed; their tokens for the organisation stop working with it. */
public record MemberRemoved(String orgId, String userId, boolean left) implements OrganisationEvent {
}
