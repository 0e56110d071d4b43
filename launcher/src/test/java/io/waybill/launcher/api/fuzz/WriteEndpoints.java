package io.waybill.launcher.api.fuzz;

import io.waybill.launcher.api.fuzz.FuzzField.Kind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static io.waybill.launcher.api.fuzz.FuzzField.bool;
import static io.waybill.launcher.api.fuzz.FuzzField.date;
import static io.waybill.launcher.api.fuzz.FuzzField.decimal;
import static io.waybill.launcher.api.fuzz.FuzzField.names;
import static io.waybill.launcher.api.fuzz.FuzzField.ids;
import static io.waybill.launcher.api.fuzz.FuzzField.instant;
import static io.waybill.launcher.api.fuzz.FuzzField.integer;
import static io.waybill.launcher.api.fuzz.FuzzField.name;
import static io.waybill.launcher.api.fuzz.FuzzField.oneOf;
import static io.waybill.launcher.api.fuzz.FuzzField.sid;
import static io.waybill.launcher.api.fuzz.FuzzField.text;

/**
 * Every write endpoint that reads a body, with the fields the controllers accept and the lengths of the seeds.
 * DELETE and {@code /leave} take no body, so a malformed one would not stop them: they are left out.
 */
public final class WriteEndpoints {

    private static final int MAX_DAYS = 36_500;
    private static final Set<String> STATUSES = Set.of("active", "canceled");
    private static final List<FuzzField> ORDER = List.of(name("vendorId"), name("vendorName"), name("uniqueName"),
            text("title", 1000), ids("eventRelations", 10));
    private static final List<FuzzField> ITEM = List.of(name("uniqueName"), text("title", 1000),
            oneOf("status", STATUSES), decimal("quantity", Kind.DECIMAL_POSITIVE),
            decimal("pricePerUnit", Kind.DECIMAL_NON_NEGATIVE), decimal("nonRecurringCost", Kind.DECIMAL_NON_NEGATIVE),
            integer("leadTime", 0, MAX_DAYS), integer("shipTime", 0, MAX_DAYS),
            integer("lineNumber", 0, Integer.MAX_VALUE), text("description", 4000), name("manufacturerPartNumber"),
            name("revision"), ids("eventRelations", 10));
    private static final List<FuzzField> GROUP = List.of(decimal("quantity", Kind.DECIMAL_POSITIVE),
            name("trackingNumber"), date("dueDate"), date("shipDate"), bool("shipped"), date("deliveryDate"),
            bool("delivered"), instant("lastUpdateDate"), date("estimatedArrivalDate"), name("uniqueName"),
            oneOf("status", STATUSES), ids("eventRelations", 10));
    private static final List<FuzzField> GROUP_PATCH = plus(GROUP, bool("confirmed"));

    private WriteEndpoints() {
    }

    public static List<WriteEndpoint> all(FuzzTargets t) {
        List<WriteEndpoint> all = new ArrayList<>();
        all.addAll(ordersAndLots(t));
        all.addAll(CatalogEndpoints.all(t));
        all.addAll(InventoryEndpoints.all(t));
        all.addAll(PurchaseOrderEndpoints.all(t));
        all.addAll(WorkOrderEndpoints.all(t));
        all.addAll(AccessEndpoints.all(t));
        return List.copyOf(all);
    }

    private static List<WriteEndpoint> ordersAndLots(FuzzTargets t) {
        String s = t.suffix();
        var bulkRow = WriteEndpoint.create("/api/item-groups/bulk-update", map("id", t.splitGroup(),
                "trackingNumber", "1Z-BULK"), plus(GROUP_PATCH, sid("id").required(), integer("version", 0,
                Integer.MAX_VALUE)));
        return List.of(
                WriteEndpoint.create("/api/orders", map("id", "fz-new-o-" + s, "vendorId", "vendor-1"),
                        plus(with(ORDER, name("vendorId").required()), sid("id"))),
                WriteEndpoint.update("/api/orders/" + t.order(), map("title", "Renamed order"), ORDER),
                WriteEndpoint.create("/api/items", map("id", "fz-new-i-" + s, "orderId", t.order(), "quantity", "3"),
                        plus(with(ITEM, decimal("quantity", Kind.DECIMAL_POSITIVE).required()), sid("id"),
                                sid("orderId").required(), name("orderUniqueName"))),
                WriteEndpoint.update("/api/items/" + t.item(), map("title", "Hex bolt"), ITEM),
                WriteEndpoint.create("/api/item-groups", map("id", "fz-new-g-" + s, "itemId", t.item(),
                        "quantity", "1"), plus(with(GROUP, decimal("quantity", Kind.DECIMAL_POSITIVE).required()),
                        sid("id"), sid("itemId").required(), name("itemUniqueName"), sid("orderId"),
                        name("orderUniqueName"))),
                WriteEndpoint.update("/api/item-groups/" + t.splitGroup(), map("trackingNumber", "1Z-FUZZ"),
                        GROUP_PATCH),
                WriteEndpoint.create("/api/item-groups/" + t.splitGroup() + "/split",
                        map("quantities", List.of("1", "1")), List.of(FuzzField.quantities("quantities").required(),
                                ids("newIds", 100), names("newUniqueNames", 100))),
                WriteEndpoint.create("/api/item-groups/combine", map("itemGroupIds", List.of(t.combineA(),
                        t.combineB())), List.of(ids("itemGroupIds", 100).required())),
                bulkRow.asRows(),
                bulkRow.asEnvelope(500));
    }

    /** A JSON object from alternating names and values, in that order. */
    static Map<String, Object> map(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    static List<FuzzField> plus(List<FuzzField> fields, FuzzField... more) {
        return Stream.concat(fields.stream(), Stream.of(more)).toList();
    }

    /** The fields with one replaced by another of the same name. */
    static List<FuzzField> with(List<FuzzField> fields, FuzzField replacement) {
        return fields.stream().map(f -> f.name().equals(replacement.name()) ? replacement : f).toList();
    }
}
