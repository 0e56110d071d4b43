package io.waybill.launcher.api;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Creating catalog records and reading catalog lists, for the catalog contracts. */
abstract class CatalogContractSupport extends ApiContractSupport {

    /** Creates a record and answers its id once it can be read back. */
    static String create(WebTestClient client, String collection, Map<String, Object> body) {
        String id = read(text(post(client, "/api/" + collection, body), 201), "$.id");
        awaitVisible(client, "/api/" + collection + "/" + id);
        return id;
    }

    static String materialType(WebTestClient client, String name) {
        return create(client, "material-types", body("name", name));
    }

    static String skuType(WebTestClient client, String name) {
        return create(client, "sku-types", body("name", name));
    }

    static String material(WebTestClient client, String code, String name, String typeId) {
        return create(client, "materials", body("code", code, "name", name, "typeId", typeId));
    }

    static String sku(WebTestClient client, String code, String typeId) {
        return create(client, "skus", body("code", code, "name", "Product " + code, "typeId", typeId));
    }

    static List<String> ids(WebTestClient client, String uri) {
        return read(text(client.get().uri(uri).exchange(), 200), "$.data[*].id");
    }

    static void awaitIds(WebTestClient client, String uri, String... ids) {
        eventually().untilAsserted(() -> assertThat(ids(client, uri)).containsExactly(ids));
    }

    static WebTestClient.ResponseSpec put(WebTestClient client, String uri, Object body) {
        return client.put().uri(uri).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    static WebTestClient.ResponseSpec delete(WebTestClient client, String uri) {
        return client.delete().uri(uri).exchange();
    }

    static Map<String, Object> bom(String skuId, Object... materialsAndQuantities) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < materialsAndQuantities.length; i += 2) {
            items.add(body("materialId", materialsAndQuantities[i], "quantityPerUnit", materialsAndQuantities[i + 1]));
        }
        return body("outputSkuId", skuId, "items", items);
    }
}
