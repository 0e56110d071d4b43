package io.waybill.api.access;

import java.util.List;

/** The organisation's details after the change, and the names of the fields that changed. */
public record OrganisationChanged(String orgId, OrganisationDetails details, List<String> changed)
        implements OrganisationEvent {
}
