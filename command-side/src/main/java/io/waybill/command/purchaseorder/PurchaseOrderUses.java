package io.waybill.command.purchaseorder;

import io.waybill.api.catalog.CatalogKind;
import io.waybill.api.purchaseorder.PurchaseOrderDetails;
import io.waybill.command.catalog.CatalogKinds;
import io.waybill.command.registry.CatalogReferences;

import java.util.Objects;

/** The catalog records a purchase order's fields name (its vendor and ship-to location), kept in use while named. */
final class PurchaseOrderUses {

    private PurchaseOrderUses() {
    }

    static void use(String orgId, PurchaseOrderDetails details, CatalogReferences references, String referrer) {
        references.use(orgId, CatalogKinds.of(CatalogKind.VENDOR), details.vendorId(), referrer);
        if (details.shipToLocationId() != null) {
            references.use(orgId, CatalogKinds.of(CatalogKind.LOCATION), details.shipToLocationId(), referrer);
        }
    }

    /** Frees what the fields no longer name and uses what they now name. */
    static void change(String orgId, PurchaseOrderDetails before, PurchaseOrderDetails after,
                       CatalogReferences references, String referrer) {
        if (!before.vendorId().equals(after.vendorId())) {
            references.release(before.vendorId(), referrer);
        }
        if (before.shipToLocationId() != null && !Objects.equals(before.shipToLocationId(), after.shipToLocationId())) {
            references.release(before.shipToLocationId(), referrer);
        }
        use(orgId, after, references, referrer);
    }
}
