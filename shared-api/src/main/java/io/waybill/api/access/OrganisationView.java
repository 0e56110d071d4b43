package io.waybill.api.access;

import java.time.Instant;

public record OrganisationView(String id, String name, String slug, String legalName, String address, String city,
                               String state, String country, String zipCode, String logoUrl, String contactEmail,
                               String contactPhone, boolean requirePurchaseOrderApproval, Instant createdAt,
                               Instant updatedAt) {
}
