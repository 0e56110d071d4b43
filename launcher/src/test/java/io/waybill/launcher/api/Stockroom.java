package io.waybill.launcher.api;

import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.waybill.launcher.ApiTestBase.eventually;
import static io.waybill.launcher.api.ApiContractSupport.body;
import static io.waybill.launcher.api.ApiContractSupport.post;
import static io.waybill.launcher.api.ApiContractSupport.read;
import static io.waybill.launcher.api.ApiContractSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

/** A new organisation with two locations, a material and a SKU: the catalog the ledger tests move stock in. */
final class Stockroom {

    final WebTestClient client;
    final String orgId;
    final String a;
    final String b;
    final String material;
    final String sku;

    private Stockroom(String orgId, WebTestClient client) {
        this.orgId = orgId;
        this.client = client;
        this.a = create("/api/locations", body("name", "Main store"));
        this.b = create("/api/locations", body("name", "Line side"));
        String materialType = create("/api/material-types", body("name", "Raw"));
        this.material = create("/api/materials", body("code", "M-100", "name", "Steel sheet", "typeId", materialType));
        String skuType = create("/api/sku-types", body("name", "Boxed"));
        this.sku = create("/api/skus", body("code", "S-100", "name", "Widget", "typeId", skuType));
    }

    static Stockroom open(ApiContractSupport test) {
        String orgId = ApiContractSupport.newOrgId();
        return new Stockroom(orgId, test.orgClient(orgId));
    }

    private String create(String path, Map<String, Object> request) {
        return read(text(post(client, path, request), 201), "$.id");
    }

    /** A materials request naming this room's material, with the other fields given. */
    Map<String, Object> material(Object... namesAndValues) {
        Map<String, Object> request = new LinkedHashMap<>(body(namesAndValues));
        request.put("materialId", material);
        return request;
    }

    String adjust(String location, String quantity) {
        return text(post(client, "/api/materials-inventory/adjustments", material("locationId", location,
                "quantity", quantity)), 201);
    }

    void record(String inventory, String type, String quantity) {
        post(client, inventory + "/ledger", material("eventType", type, "locationId", a, "quantity", quantity))
                .expectStatus().isCreated();
    }

    Map<String, Object> balance(String inventory, String item, String location) {
        String itemParam = inventory.contains("fg") ? "skuId" : "materialId";
        List<Map<String, Object>> rows = read(text(client.get().uri(inventory + "/summary?" + itemParam + "=" + item
                + "&locationId=" + location).exchange(), 200), "$.data");
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    void awaitBalance(String inventory, String item, String location, String bucket, String value) {
        eventually().untilAsserted(() -> assertThat(balance(inventory, item, location)).containsEntry(bucket, value));
    }

    int entryCount(String inventory, String filter) {
        List<Object> ids = read(text(client.get().uri(inventory + "/ledger?limit=500&" + filter).exchange(), 200),
                "$.data[*].id");
        return ids.size();
    }
}
