package io.waybill.launcher.api;

import io.waybill.api.purchaseorder.PurchaseOrderControl;
import io.waybill.launcher.ApiTestBase;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;

import static io.waybill.launcher.api.ApiContractSupport.body;
import static io.waybill.launcher.api.ApiContractSupport.createGroup;
import static io.waybill.launcher.api.ApiContractSupport.createItem;
import static io.waybill.launcher.api.ApiContractSupport.createOrder;
import static io.waybill.launcher.api.ApiContractSupport.patch;
import static io.waybill.launcher.api.ApiContractSupport.post;
import static io.waybill.launcher.api.ApiContractSupport.read;
import static io.waybill.launcher.api.ApiContractSupport.text;

/**
 * One of every kind of resource in an organisation that the access matrix is not a member of, named so that a
 * leak of any of them into an answer would show.
 */
final class ForeignResources {

    static final String SECRET_NAME = "Foreign-Secret-Name";

    private ForeignResources() {
    }

    /**
     * The ids a client chooses, one of each kind, all made of {@code prefix}: two organisations given the same
     * prefix hold records under the same ids.
     */
    static Map<String, String> clientIds(String prefix) {
        return Map.ofEntries(Map.entry("orders", prefix + "-o"), Map.entry("items", prefix + "-i"),
                Map.entry("item-groups", prefix + "-g"), Map.entry("entry", prefix + "-e"),
                Map.entry("ref", prefix + "-r"), Map.entry("purchase-orders", prefix + "-po"),
                Map.entry("purchase-order-items", prefix + "-pol"),
                Map.entry("purchase-order-receipts", prefix + "-pr"),
                Map.entry("work-orders", prefix + "-wo"), Map.entry("work-order-items", prefix + "-wol"),
                Map.entry("work-order-receipts", prefix + "-wr"));
    }

    /**
     * Creates the resources with {@code owner}'s client, under the client ids {@link #clientIds} makes of
     * {@code prefix} and named {@code name}. The tests' organisations share their creating user, so the personal
     * token among them belongs to another owner of the organisation, a user the matrix never acts as.
     */
    static Map<String, String> create(ApiContractSupport test, WebTestClient owner, String prefix, String name) {
        Map<String, String> ids = clientIds(prefix);
        String order = createOrder(owner, ids.get("orders"));
        String item = createItem(owner, order, ids.get("items"), "10");
        String group = createGroup(owner, item, ids.get("item-groups"), "10");
        String location = create(owner, "/api/locations", body("name", name));
        String destination = create(owner, "/api/locations", body("name", name + " 2"));
        String vendor = create(owner, "/api/vendors", body("name", name));
        String materialType = create(owner, "/api/material-types", body("name", name));
        String material = create(owner, "/api/materials", body("code", "FM-1", "name", name,
                "typeId", materialType));
        String skuType = create(owner, "/api/sku-types", body("name", name));
        String sku = create(owner, "/api/skus", body("code", "FS-1", "name", name, "typeId", skuType));
        post(owner, "/api/boms", body("outputSkuId", sku, "items",
                List.of(body("materialId", material, "quantityPerUnit", "2")))).expectStatus().isCreated();
        String entry = read(text(post(owner, "/api/materials-inventory/adjustments", body("materialId", material,
                "locationId", location, "quantity", "10", "notes", name, "id", ids.get("entry"))), 201), "$.id");
        String ref = read(text(post(owner, "/api/materials-inventory/transfers", body("materialId", material,
                "sourceLocationId", location, "destinationLocationId", destination, "quantity", "1",
                "ref", ids.get("ref"))), 201), "$.ref");
        String purchase = text(post(owner, "/api/purchase-orders", body("vendorId", vendor, "targetType", "materials",
                "shipToLocationId", location, "notes", name, "id", ids.get("purchase-orders"), "items",
                List.of(body("materialId", material, "quantity", "3", "id", ids.get("purchase-order-items"))))), 201);
        String purchaseOrder = read(purchase, "$.purchaseOrder.id");
        String purchaseLine = read(purchase, "$.items[0].id");
        patch(owner, "/api/purchase-orders/" + purchaseOrder, body("status", "Placed")).expectStatus().isOk();
        String receipt = read(text(post(owner, "/api/purchase-orders/" + purchaseOrder + "/receipts", body("notes",
                name, "id", ids.get("purchase-order-receipts"), "items",
                List.of(body("purchaseOrderItemId", purchaseLine, "quantity", "1")))), 201), "$.receipt.id");
        String work = text(post(owner, "/api/work-orders", body("workSiteLocationId", location, "status", "Placed",
                "notes", name, "id", ids.get("work-orders"), "items", List.of(body("skuId", sku, "quantity", "2",
                        "id", ids.get("work-order-items"))))), 201);
        String workOrder = read(work, "$.workOrder.id");
        String workLine = read(work, "$.items[0].id");
        String workReceipt = read(text(post(owner, "/api/work-orders/" + workOrder + "/receipts", body("notes",
                name, "id", ids.get("work-order-receipts"), "items",
                List.of(body("workOrderItemId", workLine, "quantity", "1")))), 201), "$.receipt.id");
        String member = test.addMember(owner, "viewer").userId();
        WebTestClient stranger = test.addMember(owner, "owner").client();
        String token = read(text(post(stranger, "/api/tokens", body("name", name)), 201), "$.token.id");
        String event = ApiTestBase.eventually().until(() -> read(text(owner.get().uri("/api/events?limit=1")
                .exchange(), 200), "$.data[0].eventId"), id -> id != null);
        return Map.ofEntries(Map.entry("events", event), Map.entry("orders", order), Map.entry("items", item),
                Map.entry("item-groups", group),
                Map.entry("locations", location), Map.entry("vendors", vendor),
                Map.entry("material-types", materialType), Map.entry("materials", material),
                Map.entry("sku-types", skuType), Map.entry("skus", sku), Map.entry("boms", sku),
                Map.entry("entry", entry), Map.entry("ref", ref), Map.entry("members", member),
                Map.entry("tokens", token), Map.entry("inventory", material),
                Map.entry("purchase-orders", purchaseOrder), Map.entry("purchase-order-items", purchaseLine),
                Map.entry("purchase-order-receipts", receipt), Map.entry("work-orders", workOrder),
                Map.entry("work-order-items", workLine), Map.entry("work-order-receipts", workReceipt));
    }

    private static String create(WebTestClient owner, String path, Map<String, Object> request) {
        return read(text(post(owner, path, request), 201), "$.id");
    }

    /** The foreign id a path variable names: by the variable, else by the collection the path is under. */
    static String idFor(String pattern, String variable, Map<String, String> ids) {
        return switch (variable) {
            case "ref" -> ids.get("ref");
            case "itemId" -> ids.get("inventory");
            case "skuId" -> ids.get("skus");
            case "userId" -> ids.get("members");
            default -> pattern.contains("-inventory/ledger/") ? ids.get("entry")
                    : pattern.startsWith("/api/ops/dead-letters/") ? ids.get("dead-letters")
                    : ids.get(collection(pattern));
        };
    }

    private static String collection(String pattern) {
        String collection = pattern.substring("/api/".length()).split("/")[0];
        if (!collection.matches("[a-z-]+")) {
            throw new IllegalStateException("no foreign id known for " + pattern);
        }
        return collection;
    }

    /** A body that would be accepted for a resource of the caller's own: so only the foreign id can refuse it. */
    static Map<String, Object> bodyFor(AccessMatrixContract.Endpoint endpoint, Map<String, String> ids) {
        if (endpoint.method() == HttpMethod.GET || endpoint.method() == HttpMethod.DELETE) {
            return Map.of();
        }
        String pattern = endpoint.pattern();
        if (pattern.endsWith("/split")) {
            return body("quantities", List.of("4", "6"));
        }
        if (pattern.startsWith("/api/boms/")) {
            return body("items", List.of(body("materialId", ids.get("materials"), "quantityPerUnit", "1")));
        }
        if (pattern.startsWith("/api/organizations/current/members/")) {
            return body("role", "viewer");
        }
        if (pattern.endsWith("/items") && pattern.startsWith("/api/purchase-orders/")) {
            return body("materialId", ids.get("materials"), "quantity", "1");
        }
        if (pattern.equals("/api/purchase-events")) {
            return body("purchaseOrderItemIds", List.of(ids.get("purchase-order-items")), "eventType", "note",
                    "notes", "T");
        }
        if (pattern.endsWith("/items") && pattern.startsWith("/api/work-orders/")) {
            return body("skuId", ids.get("skus"), "quantity", "1");
        }
        if (pattern.endsWith("/receipts") && pattern.startsWith("/api/work-orders/")) {
            return body("items", List.of(body("workOrderItemId", ids.get("work-order-items"), "quantity", "1")));
        }
        if (pattern.startsWith("/api/work-orders/") && pattern.endsWith("/allocate")) {
            return Map.of();
        }
        if (pattern.startsWith("/api/work-orders/") || pattern.startsWith("/api/work-order-receipts/")) {
            return body("notes", "T");
        }
        if (pattern.startsWith("/api/work-order-items/")) {
            return body("quantity", "5");
        }
        if (pattern.endsWith("/receipts")) {
            return body("items", List.of(body("purchaseOrderItemId", ids.get("purchase-order-items"),
                    "quantity", "1")));
        }
        if (pattern.startsWith("/api/purchase-order-receipts/")) {
            return body("notes", "T");
        }
        if (pattern.startsWith("/api/item-groups/") || pattern.startsWith("/api/items/")
                || pattern.startsWith("/api/purchase-order-items/")) {
            return body("quantity", "5");
        }
        if (pattern.startsWith("/api/purchase-orders/") && PurchaseOrderControl.ofAction(
                pattern.substring(pattern.lastIndexOf('/') + 1)).isPresent()) {
            return Map.of();
        }
        if (pattern.startsWith("/api/purchase-orders/")) {
            return body("notes", "T");
        }
        if (pattern.startsWith("/api/orders/")) {
            return body("title", "T");
        }
        if (pattern.endsWith("/complete") || pattern.endsWith("/reverse")) {
            return Map.of();
        }
        return body("name", "Renamed");
    }
}
