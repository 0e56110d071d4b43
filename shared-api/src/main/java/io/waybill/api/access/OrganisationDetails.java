package io.waybill.api.access;

/**
 * An organisation's name, its unique slug, its public profile and its settings: {@code requirePurchaseOrderApproval}
 * (null: false, as in organisations created before the setting) asks that its purchase orders be approved before
 * they are placed. In a patch, null means "not given"; the fields to remove are named apart.
 */
public record OrganisationDetails(String name, String slug, String legalName, String address, String city,
                                  String state, String country, String zipCode, String logoUrl,
                                  String contactEmail, String contactPhone, Boolean requirePurchaseOrderApproval) {

    /** Whether its purchase orders are to be approved before they are placed. */
    public boolean approvalRequired() {
        return Boolean.TRUE.equals(requirePurchaseOrderApproval);
    }
}
