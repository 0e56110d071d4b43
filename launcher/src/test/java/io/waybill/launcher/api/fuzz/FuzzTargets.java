package io.waybill.launcher.api.fuzz;

import com.jayway.jsonpath.JsonPath;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The resources of one organisation that the write endpoints' templates name: an order with an item and three
 * lots, a catalog with a BOM, stock with a pending transfer and a reversible entry in both ledgers, a member, a
 * placed purchase order with one line and a receipt, a draft work order and a placed one, each with one line, the
 * placed one with a receipt.
 */
public record FuzzTargets(String orgId, String suffix, String order, String item, String splitGroup,
                          String combineA, String combineB, String mainStore, String lineSide, String materialType,
                          String material, String skuType, String sku, String skuWithoutBom, String vendor,
                          Map<String, String> transferRefs, Map<String, String> reversibleEntries, String member,
                          String purchaseOrder, String purchaseOrderLine, String purchaseReceipt, String workOrder,
                          String workOrderLine, String placedWorkOrder, String placedWorkOrderLine,
                          String workReceipt) {

    public static final String MATERIALS = "/api/materials-inventory";
    public static final String FG = "/api/fg-inventory";

    /** Creates the resources through the API as the organisation's owner. */
    public static FuzzTargets seed(WebTestClient owner, String orgId) {
        return seed(owner, orgId, UUID.randomUUID().toString().substring(0, 8), "Acme");
    }

    /**
     * Creates the resources, every one a client may name under an id made of {@code suffix} (two organisations
     * given the same suffix hold records under the same ids), and the names and notes made of {@code name}.
     */
    public static FuzzTargets seed(WebTestClient owner, String orgId, String suffix, String name) {
        Seeder seed = new Seeder(owner);
        String order = seed.sid("/api/orders", "id", "fz-o-" + suffix, "vendorName", name);
        String item = seed.sid("/api/items", "id", "fz-i-" + suffix, "orderId", order, "quantity", "10");
        String[] groups = new String[3];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = seed.sid("/api/item-groups", "id", "fz-g" + i + "-" + suffix, "itemId", item,
                    "quantity", "2");
        }
        String mainStore = seed.id("/api/locations", "name", name + " main store");
        String lineSide = seed.id("/api/locations", "name", name + " line side");
        String materialType = seed.id("/api/material-types", "name", name + " raw");
        String material = seed.id("/api/materials", "code", "M-100", "name", name + " sheet", "typeId",
                materialType);
        String skuType = seed.id("/api/sku-types", "name", name + " boxed");
        String sku = seed.id("/api/skus", "code", "S-100", "name", name + " widget", "typeId", skuType);
        String skuWithoutBom = seed.id("/api/skus", "code", "S-200", "name", name + " gadget", "typeId", skuType);
        String vendor = seed.id("/api/vendors", "name", name + " supplies");
        seed.post("/api/boms", "outputSkuId", sku, "items", List.of(Map.of("materialId", material,
                "quantityPerUnit", "2")));
        Map<String, String> refs = new LinkedHashMap<>();
        Map<String, String> entries = new LinkedHashMap<>();
        for (String inventory : List.of(MATERIALS, FG)) {
            String field = itemField(inventory);
            String itemId = inventory.equals(FG) ? sku : material;
            String kind = inventory.equals(FG) ? "f" : "m";
            seed.post(inventory + "/adjustments", field, itemId, "locationId", mainStore, "quantity", "100");
            entries.put(inventory, read(seed.post(inventory + "/ledger", "id", "fz-e" + kind + "-" + suffix,
                    "eventType", "RECEIVE", field, itemId, "locationId", mainStore, "quantity", "5", "notes", name),
                    "$.id"));
            refs.put(inventory, read(seed.post(inventory + "/transfers", "ref", "fz-r" + kind + "-" + suffix,
                    field, itemId, "sourceLocationId", mainStore, "destinationLocationId", lineSide,
                    "quantity", "1"), "$.ref"));
        }
        String email = "fz-member-" + suffix + "-" + Integer.toHexString(orgId.hashCode()) + "@example.com";
        String member = read(seed.post("/api/organizations/current/members", "email", email, "role", "viewer"),
                "$.membership.userId");
        String purchase = seed.post("/api/purchase-orders", "id", "fz-po-" + suffix, "vendorId", vendor,
                "targetType", "materials", "shipToLocationId", mainStore, "notes", name, "items",
                List.of(Map.of("id", "fz-pol-" + suffix, "materialId", material, "quantity", "4")));
        owner.patch().uri("/api/purchase-orders/" + read(purchase, "$.purchaseOrder.id"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("status", "Placed")).exchange()
                .expectStatus().isOk();
        String purchaseReceipt = read(seed.post("/api/purchase-orders/" + read(purchase, "$.purchaseOrder.id")
                + "/receipts", "id", "fz-pr-" + suffix, "notes", name, "items", List.of(Map.of(
                "purchaseOrderItemId", read(purchase, "$.items[0].id"), "quantity", "1"))), "$.receipt.id");
        String work = seed.post("/api/work-orders", "id", "fz-wo-" + suffix, "workSiteLocationId", mainStore,
                "notes", name, "items", List.of(Map.of("id", "fz-wol-" + suffix, "skuId", sku, "quantity", "4")));
        String placed = seed.post("/api/work-orders", "id", "fz-wp-" + suffix, "workSiteLocationId", mainStore,
                "status", "Placed", "notes", name, "items", List.of(Map.of("id", "fz-wpl-" + suffix, "skuId", sku,
                        "quantity", "10")));
        String workReceipt = read(seed.post("/api/work-orders/" + read(placed, "$.workOrder.id") + "/receipts",
                "id", "fz-wr-" + suffix, "notes", name, "items", List.of(Map.of("workOrderItemId",
                        read(placed, "$.items[0].id"), "quantity", "1"))), "$.receipt.id");
        return new FuzzTargets(orgId, suffix, order, item, groups[0], groups[1], groups[2], mainStore, lineSide,
                materialType, material, skuType, sku, skuWithoutBom, vendor, Map.copyOf(refs), Map.copyOf(entries),
                member, read(purchase, "$.purchaseOrder.id"), read(purchase, "$.items[0].id"), purchaseReceipt,
                read(work, "$.workOrder.id"), read(work, "$.items[0].id"), read(placed, "$.workOrder.id"),
                read(placed, "$.items[0].id"), workReceipt);
    }

    public static String itemField(String inventory) {
        return inventory.equals(FG) ? "skuId" : "materialId";
    }

    public String itemOf(String inventory) {
        return inventory.equals(FG) ? sku : material;
    }

    /** Every id of this organisation, to check that no answer to another organisation ever names one. */
    public Set<String> ids() {
        Set<String> ids = new HashSet<>(List.of(orgId, order, item, splitGroup, combineA, combineB, mainStore,
                lineSide, materialType, material, skuType, sku, skuWithoutBom, vendor, member, purchaseOrder,
                purchaseOrderLine, purchaseReceipt, workOrder, workOrderLine, placedWorkOrder, placedWorkOrderLine,
                workReceipt));
        ids.addAll(transferRefs.values());
        ids.addAll(reversibleEntries.values());
        return Set.copyOf(ids);
    }

    private static String read(String json, String path) {
        return JsonPath.read(json, path);
    }

    private record Seeder(WebTestClient owner) {

        String post(String path, Object... namesAndValues) {
            Map<String, Object> body = new LinkedHashMap<>();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                body.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
            return owner.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                    .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        }

        String id(String path, Object... namesAndValues) {
            return read(post(path, namesAndValues), "$.id");
        }

        String sid(String path, Object... namesAndValues) {
            return read(post(path, namesAndValues), "$.id");
        }
    }
}
