package io.waybill.api.access;

/**
 * An organisation's name, its unique slug and its public profile. In a patch, null means "not given"; the fields
 * to remove are named apart.
 */
public record OrganisationDetails(String name, String slug, String legalName, String address, String city,
                                  String state, String country, String zipCode, String logoUrl,
                                  String contactEmail, String contactPhone) {
}
