package io.waybill.api.access;

/** What happens to an organisation and its members. Stored history: never rename or move one. */
public sealed interface OrganisationEvent
        permits OrganisationCreated, OrganisationChanged, OrganisationDeleted, MemberAdded, MemberRoleChanged,
        MemberRemoved {

    String orgId();
}
