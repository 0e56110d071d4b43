package io.waybill.launcher.api.fuzz;

import io.waybill.launcher.api.fuzz.FuzzField.Kind;

import java.util.List;
import java.util.Set;

import static io.waybill.launcher.api.fuzz.FuzzField.date;
import static io.waybill.launcher.api.fuzz.FuzzField.decimal;
import static io.waybill.launcher.api.fuzz.FuzzField.oneOf;
import static io.waybill.launcher.api.fuzz.FuzzField.sid;
import static io.waybill.launcher.api.fuzz.FuzzField.text;
import static io.waybill.launcher.api.fuzz.WriteEndpoints.map;
import static io.waybill.launcher.api.fuzz.WriteEndpoints.plus;

/**
 * Work orders, their lines and receipts (create, import, change, allocate, add a line, change a line, receive,
 * change a receipt), production runs.
 */
final class WorkOrderEndpoints {

    private static final Set<String> STATUSES = Set.of("Draft", "Entered", "Placed", "Production", "In Transit",
            "Partial", "Received", "Completed", "Cancelled");
    private static final List<FuzzField> ORDER = List.of(date("orderDate"), date("expectedDeliveryDate"),
            text("notes", 4000));
    private static final List<FuzzField> LINE = List.of(sid("skuId"), decimal("quantity", Kind.DECIMAL_POSITIVE),
            decimal("conversionCost", Kind.DECIMAL_NON_NEGATIVE));

    private WorkOrderEndpoints() {
    }

    static List<WriteEndpoint> all(FuzzTargets t) {
        WriteEndpoint create = WriteEndpoint.create("/api/work-orders", map("workSiteLocationId", t.mainStore(),
                "items", List.of()), plus(ORDER, sid("id"), sid("workSiteLocationId").required(),
                oneOf("status", Set.of("Draft", "Entered", "Placed"))));
        WriteEndpoint imported = WriteEndpoint.create("/api/work-orders/import", create.template(), create.fields());
        return List.of(create, imported.asRows(), imported.asEnvelope(200),
                WriteEndpoint.create("/api/work-orders/" + t.placedWorkOrder() + "/allocate", map(), List.of())
                        .withOptionalBody(),
                WriteEndpoint.update("/api/work-order-receipts/" + t.workReceipt(), map("notes", "checked"),
                        List.of()),
                WriteEndpoint.update("/api/work-orders/" + t.workOrder(), map("notes", "checked"),
                        plus(ORDER, sid("workSiteLocationId").notClearable(), oneOf("status", STATUSES))),
                WriteEndpoint.create("/api/work-orders/" + t.workOrder() + "/items",
                        map("skuId", t.sku(), "quantity", "2"), List.of(sid("id"), sid("skuId").required(),
                                decimal("quantity", Kind.DECIMAL_POSITIVE).required(),
                                decimal("conversionCost", Kind.DECIMAL_NON_NEGATIVE))),
                WriteEndpoint.update("/api/work-order-items/" + t.workOrderLine(), map("quantity", "3"), LINE),
                WriteEndpoint.create("/api/work-orders/" + t.placedWorkOrder() + "/receipts",
                        map("notes", "first units", "items", List.of(map("workOrderItemId",
                                t.placedWorkOrderLine(), "quantity", "1"))),
                        List.of(sid("id"), date("receiptDate"), text("notes", 4000))),
                WriteEndpoint.create("/api/production-runs", map("name", "Week 49", "lines",
                        List.of(map("skuId", t.sku(), "quantity", "3"))), List.of(text("name", 200).required(),
                                text("referenceNumber", 200), date("productionDate"), text("notes", 4000),
                                sid("workSiteLocationId"))));
    }
}
