package io.waybill.launcher.api.fuzz;

import io.waybill.launcher.api.fuzz.FuzzField.Kind;

import java.util.List;
import java.util.Set;

import static io.waybill.launcher.api.fuzz.FuzzField.bool;
import static io.waybill.launcher.api.fuzz.FuzzField.date;
import static io.waybill.launcher.api.fuzz.FuzzField.decimal;
import static io.waybill.launcher.api.fuzz.FuzzField.ids;
import static io.waybill.launcher.api.fuzz.FuzzField.oneOf;
import static io.waybill.launcher.api.fuzz.FuzzField.sid;
import static io.waybill.launcher.api.fuzz.FuzzField.text;
import static io.waybill.launcher.api.fuzz.WriteEndpoints.map;
import static io.waybill.launcher.api.fuzz.WriteEndpoints.plus;

/**
 * Purchase orders, their lines and receipts (create, import, change, controls, add a line, change a line, receive,
 * change a receipt), purchase events.
 */
final class PurchaseOrderEndpoints {

    private static final Set<String> STATUSES = Set.of("Planning", "Placed", "In Transit", "Partial", "Received",
            "Paid", "Cancelled");
    private static final List<FuzzField> ORDER = List.of(sid("shipToLocationId"), date("expectedDeliveryDate"),
            date("shipDate"), decimal("shippingCosts", Kind.DECIMAL_NON_NEGATIVE),
            decimal("setupCosts", Kind.DECIMAL_NON_NEGATIVE), decimal("otherCosts", Kind.DECIMAL_NON_NEGATIVE),
            text("notes", 4000));

    private PurchaseOrderEndpoints() {
    }

    static List<WriteEndpoint> all(FuzzTargets t) {
        String order = "/api/purchase-orders/" + t.purchaseOrder();
        WriteEndpoint create = WriteEndpoint.create("/api/purchase-orders", map("vendorId", t.vendor(),
                "targetType", "materials", "items", List.of()), plus(ORDER, sid("id"), sid("vendorId").required(),
                oneOf("targetType", Set.of("materials", "finished_goods")).required()));
        WriteEndpoint imported = WriteEndpoint.create("/api/purchase-orders/import", create.template(),
                create.fields());
        return List.of(create, imported.asRows(), imported.asEnvelope(200),
                // a control already in effect changes nothing: unlocking an order that is not locked
                WriteEndpoint.create(order + "/send", map(), List.of()).withOptionalBody(),
                WriteEndpoint.create(order + "/unlock", map(), List.of()).withOptionalBody(),
                WriteEndpoint.update("/api/purchase-order-receipts/" + t.purchaseReceipt(), map("notes", "checked"),
                        List.of()),
                WriteEndpoint.update(order, map("notes", "checked"),
                        plus(ORDER, sid("vendorId").notClearable(), oneOf("status", STATUSES))),
                WriteEndpoint.create(order + "/items",
                        map("materialId", t.material(), "quantity", "2"), List.of(sid("id"), sid("materialId"),
                                sid("skuId"), decimal("quantity", Kind.DECIMAL_POSITIVE).required(),
                                decimal("unitCost", Kind.DECIMAL_NON_NEGATIVE))),
                WriteEndpoint.update("/api/purchase-order-items/" + t.purchaseOrderLine(), map("quantity", "3"),
                        List.of(sid("materialId"), sid("skuId"), decimal("quantity", Kind.DECIMAL_POSITIVE),
                                decimal("unitCost", Kind.DECIMAL_NON_NEGATIVE))),
                WriteEndpoint.create(order + "/receipts",
                        map("notes", "first pallets", "items", List.of(map("purchaseOrderItemId",
                                t.purchaseOrderLine(), "quantity", "1"))),
                        List.of(sid("id"), date("receiptDate"), sid("locationId"), text("notes", 4000),
                                bool("allowOverReceipt"))),
                WriteEndpoint.create("/api/purchase-events", map("purchaseOrderItemIds",
                        List.of(t.purchaseOrderLine()), "eventType", "note", "notes", "checked"),
                        List.of(sid("id"), ids("purchaseOrderItemIds", 500), text("notes", 4000),
                                text("trackingNumber", 200), text("carrier", 200), date("estimatedDelivery"),
                                date("expectedShipBy"), decimal("lineTotalPaid", Kind.DECIMAL_NON_NEGATIVE),
                                decimal("salesTaxPaid", Kind.DECIMAL_NON_NEGATIVE),
                                decimal("shippingPaid", Kind.DECIMAL_NON_NEGATIVE),
                                decimal("otherTotalPaid", Kind.DECIMAL_NON_NEGATIVE),
                                decimal("dutiesPaid", Kind.DECIMAL_NON_NEGATIVE))));
    }
}
