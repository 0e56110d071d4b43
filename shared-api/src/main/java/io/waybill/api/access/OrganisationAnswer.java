package io.waybill.api.access;

/** The answer that shows an organisation: {@code {"organization": {...}}}. */
public record OrganisationAnswer(OrganisationView organization) {
}
