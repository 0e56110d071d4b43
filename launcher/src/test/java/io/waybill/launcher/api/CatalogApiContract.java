package io.waybill.launcher.api;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog under {@code /api}: locations, vendors, material and SKU types, materials, SKUs and bills of
 * materials; what uses what; bulk imports; and that one organisation never reaches another's records.
 */
abstract class CatalogApiContract extends CatalogContractSupport {

    @Test
    void createsReadsChangesAndDeletesALocation() {
        WebTestClient client = newOrg();
        String body = text(post(client, "/api/locations", body("name", "Main warehouse", "address", "1 Dock Rd",
                "city", "Austin", "state", "TX", "country", "us", "zipCode", "78701", "notes", "gate 4")), 201);
        String id = read(body, "$.id");
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat((String) read(body, "$.country")).isEqualTo("US");
        assertThat((Integer) read(body, "$.sortOrder")).isZero();
        assertThat((Boolean) read(body, "$.isActive")).isTrue();
        eventually().untilAsserted(() -> client.get().uri("/api/locations/{id}", id).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.name").isEqualTo("Main warehouse")
                .jsonPath("$.city").isEqualTo("Austin")
                .jsonPath("$.zipCode").isEqualTo("78701")
                .jsonPath("$.createdAt").isNotEmpty());

        patch(client, "/api/locations/" + id, body("city", "Dallas", "notes", null, "sortOrder", 3,
                "isActive", false)).expectStatus().isOk().expectBody()
                .jsonPath("$.city").isEqualTo("Dallas")
                .jsonPath("$.notes").doesNotExist()
                .jsonPath("$.sortOrder").isEqualTo(3)
                .jsonPath("$.address").isEqualTo("1 Dock Rd");
        awaitIds(client, "/api/locations?active=false", id);
        assertThat(ids(client, "/api/locations?active=true")).isEmpty();

        delete(client, "/api/locations/" + id).expectStatus().isOk().expectBody()
                .jsonPath("$.deletedId").isEqualTo(id);
        awaitGone(client, "/api/locations/" + id);
        assertThat(ids(client, "/api/locations")).isEmpty();
        expectError(delete(client, "/api/locations/" + id), 404, "not_found");
    }

    @Test
    void vendorsAndTypesKeepTheirFields() {
        WebTestClient client = newOrg();
        String vendor = create(client, "vendors", body("name", "Acme", "term", "Net 30", "qboId", "QB-7",
                "country", "DE"));
        client.get().uri("/api/vendors/" + vendor).exchange().expectBody()
                .jsonPath("$.term").isEqualTo("Net 30").jsonPath("$.qboId").isEqualTo("QB-7")
                .jsonPath("$.isActive").isEqualTo(true);
        patch(client, "/api/vendors/" + vendor, body("isActive", false)).expectStatus().isOk();
        awaitIds(client, "/api/vendors?active=false", vendor);

        String metals = materialType(client, "Metals");
        patch(client, "/api/material-types/" + metals, body("name", "Metal", "sortOrder", -1)).expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("Metal").jsonPath("$.sortOrder").isEqualTo(-1);
        String finished = skuType(client, "Finished");
        awaitIds(client, "/api/sku-types", finished);
        awaitIds(client, "/api/material-types", metals);
    }

    @Test
    void listsMaterialsByTypeTextAndActivity() {
        WebTestClient client = newOrg();
        String metals = materialType(client, "Metals");
        String plastics = materialType(client, "Plastics");
        String steel = material(client, "STL-1", "Steel sheet", metals);
        String pvc = material(client, "PVC-100%", "PVC pipe", plastics);
        patch(client, "/api/materials/" + pvc, body("isActive", false)).expectStatus().isOk().expectBody()
                .jsonPath("$.materialCode").isEqualTo("PVC-100%")
                .jsonPath("$.materialTypeId").isEqualTo(plastics);

        awaitIds(client, "/api/materials?active=false", pvc);
        assertThat(ids(client, "/api/materials")).containsExactly(steel, pvc);
        assertThat(ids(client, "/api/materials?active=true")).containsExactly(steel);
        assertThat(ids(client, "/api/materials?type=" + metals)).containsExactly(steel);
        assertThat(ids(client, "/api/materials?q=steel")).containsExactly(steel);
        assertThat(ids(client, "/api/materials?q=pvc-")).containsExactly(pvc);
        assertThat(ids(client, "/api/materials?q=_")).isEmpty();
        expectError(client.get().uri("/api/materials?active=maybe").exchange(), 400, "validation_failed");
    }

    @Test
    void listsSkusByItemsPerUnitAndOuncesPerItem() {
        WebTestClient client = newOrg();
        String type = skuType(client, "Finished");
        String single = create(client, "skus", body("code", "S-1", "name", "Jar", "typeId", type,
                "ozPerItem", "12.50"));
        String pack = create(client, "skus", body("code", "S-6", "name", "Six pack", "typeId", type,
                "itemsPerUnit", 6, "ozPerItem", "2"));
        String plain = sku(client, "S-0", type);
        client.get().uri("/api/skus/" + single).exchange().expectBody()
                .jsonPath("$.skuCode").isEqualTo("S-1").jsonPath("$.skuTypeId").isEqualTo(type)
                .jsonPath("$.itemsPerUnit").isEqualTo(1).jsonPath("$.ozPerItem").isEqualTo("12.5");

        assertThat(ids(client, "/api/skus?itemsPerUnitMin=2")).containsExactly(pack);
        assertThat(ids(client, "/api/skus?itemsPerUnitMax=1")).containsExactly(single, plain);
        assertThat(ids(client, "/api/skus?ozPerItemMin=10")).containsExactly(single);
        assertThat(ids(client, "/api/skus?ozPerItemMin=1&ozPerItemMax=5")).containsExactly(pack);
        assertThat(ids(client, "/api/skus?type=" + type + "&q=six")).containsExactly(pack);
        expectError(client.get().uri("/api/skus?itemsPerUnitMin=two").exchange(), 400, "validation_failed");
        for (String notInABody : List.of("1e2", "1e400", "-1", "1.0000000000001", "0x10")) {
            expectError(client.get().uri("/api/skus?ozPerItemMin={value}", notInABody).exchange(), 400,
                    "validation_failed").jsonPath("$.error.details.field").isEqualTo("ozPerItemMin");
        }
    }

    @Test
    void listsPageWithCursors() {
        WebTestClient client = newOrg();
        List<String> created = IntStream.range(0, 3)
                .mapToObj(i -> create(client, "sku-types", body("name", "Type " + i))).toList();
        String first = text(client.get().uri("/api/sku-types?limit=2").exchange(), 200);
        assertThat((List<String>) read(first, "$.data[*].id")).containsExactlyElementsOf(created.subList(0, 2));
        String cursor = read(first, "$.nextCursor");
        client.get().uri("/api/sku-types?limit=2&cursor=" + cursor).exchange().expectBody()
                .jsonPath("$.data[*].id").isEqualTo(List.of(created.get(2)))
                .jsonPath("$.nextCursor").isEmpty();
    }

    @Test
    void codesAndNamesAreUniquePerOrganisationUntilDeleted() {
        WebTestClient client = newOrg();
        String metals = materialType(client, "Metals");
        String steel = material(client, "STL-1", "Steel", metals);
        expectError(post(client, "/api/materials", body("code", "STL-1", "name", "Other", "typeId", metals)),
                409, "conflict").jsonPath("$.error.details.field").isEqualTo("code");
        expectError(post(client, "/api/material-types", body("name", "Metals")), 409, "conflict")
                .jsonPath("$.error.details.field").isEqualTo("name");
        String other = material(client, "STL-2", "Steel 2", metals);
        expectError(patch(client, "/api/materials/" + other, body("code", "STL-1")), 409, "conflict")
                .jsonPath("$.error.details.field").isEqualTo("code");

        delete(client, "/api/materials/" + steel).expectStatus().isOk();
        post(client, "/api/materials", body("code", "STL-1", "name", "New steel", "typeId", metals))
                .expectStatus().isCreated();
        WebTestClient otherOrg = newOrg();
        String otherMetals = materialType(otherOrg, "Metals");
        post(otherOrg, "/api/materials", body("code", "STL-1", "name", "Steel", "typeId", otherMetals))
                .expectStatus().isCreated();
    }

    @Test
    void refusesInvalidRequestsAndRecordsNothing() {
        WebTestClient client = newOrg();
        String type = skuType(client, "Finished");
        Map<String, Map<String, Object>> invalid = Map.of(
                "color", body("name", "Dock", "color", "red"),
                "name", body("name", "   "),
                "country", body("name", "Dock", "country", "USA"),
                "zipCode", body("name", "Dock", "zipCode", "x".repeat(21)));
        invalid.forEach((field, request) -> expectError(post(client, "/api/locations", request), 400,
                "validation_failed").jsonPath("$.error.details.fields." + field).isNotEmpty());
        expectError(post(client, "/api/locations", body("name", "x".repeat(101))), 400, "validation_failed");
        expectError(post(client, "/api/skus", body("code", "S", "name", "S", "typeId", type, "itemsPerUnit", 0)),
                400, "validation_failed").jsonPath("$.error.details.fields.itemsPerUnit").isNotEmpty();
        expectError(post(client, "/api/skus", body("code", "S", "name", "S", "typeId", type, "ozPerItem", 1.5)),
                400, "validation_failed").jsonPath("$.error.details.fields.ozPerItem").isNotEmpty();
        expectError(post(client, "/api/skus", body("code", "S", "name", "S")), 400, "validation_failed")
                .jsonPath("$.error.details.fields.typeId").isEqualTo("is required");
        expectError(post(client, "/api/skus", body("code", "S", "name", "S", "typeId", newSid("t"))), 400,
                "validation_failed").jsonPath("$.error.details.field").isEqualTo("typeId");
        String sku = sku(client, "S-1", type);
        expectError(patch(client, "/api/skus/" + sku, body("name", null)), 400, "validation_failed")
                .jsonPath("$.error.details.fields.name").isEqualTo("must not be null");

        assertThat(ids(client, "/api/locations")).isEmpty();
        assertThat(ids(client, "/api/skus")).containsExactly(sku);
        client.get().uri("/api/skus/" + sku).exchange().expectBody().jsonPath("$.name").isEqualTo("Product S-1");
    }

    @Test
    void aTypeUsedByAMaterialAndAMaterialUsedByABomCannotBeDeleted() {
        WebTestClient client = newOrg();
        String metals = materialType(client, "Metals");
        String steel = material(client, "STL-1", "Steel", metals);
        client.get().uri("/api/material-types/" + metals + "/in-use").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.inUse").isEqualTo(true).jsonPath("$.useCount").isEqualTo(1)
                .jsonPath("$.usedBy").isEqualTo(List.of(steel))
                .jsonPath("$.materialCount").isEqualTo(1).jsonPath("$.sampleMaterialIds").isEqualTo(List.of(steel));
        expectError(delete(client, "/api/material-types/" + metals), 409, "in_use")
                .jsonPath("$.error.details.usedBy").isEqualTo(List.of(steel));

        String sku = sku(client, "S-1", skuType(client, "Finished"));
        post(client, "/api/boms", bom(sku, steel, "2")).expectStatus().isCreated();
        client.get().uri("/api/materials/" + steel + "/in-use").exchange().expectBody()
                .jsonPath("$.inUse").isEqualTo(true).jsonPath("$.usedBy").isEqualTo(List.of("bom-" + sku));
        expectError(delete(client, "/api/materials/" + steel), 409, "in_use");

        delete(client, "/api/boms/" + sku).expectStatus().isOk();
        client.get().uri("/api/materials/" + steel + "/in-use").exchange().expectBody()
                .jsonPath("$.inUse").isEqualTo(false).jsonPath("$.useCount").isEqualTo(0);
        delete(client, "/api/materials/" + steel).expectStatus().isOk();
        delete(client, "/api/material-types/" + metals).expectStatus().isOk().expectBody()
                .jsonPath("$.deletedId").isEqualTo(metals);
        expectError(client.get().uri("/api/material-types/" + metals + "/in-use").exchange(), 404, "not_found");
    }

    @Test
    void createsReplacesListsAndDeletesABom() {
        WebTestClient client = newOrg();
        String metals = materialType(client, "Metals");
        String steel = material(client, "STL-1", "Steel", metals);
        String brass = material(client, "BRS-1", "Brass", metals);
        String type = skuType(client, "Finished");
        String jar = sku(client, "JAR-1", type);
        String lid = sku(client, "LID-1", type);

        post(client, "/api/boms", bom(jar, steel, "2.50", brass, "0.125")).expectStatus().isCreated().expectBody()
                .jsonPath("$.outputSkuId").isEqualTo(jar)
                .jsonPath("$.items[0].materialId").isEqualTo(steel)
                .jsonPath("$.items[0].quantityPerUnit").isEqualTo("2.5")
                .jsonPath("$.items[1].quantityPerUnit").isEqualTo("0.125");
        expectError(post(client, "/api/boms", bom(jar, steel, "1")), 409, "conflict");
        expectError(post(client, "/api/boms", bom(lid, steel, "1", steel, "2")), 400, "validation_failed");
        expectError(post(client, "/api/boms", bom(lid, steel, "0")), 400, "validation_failed");
        expectError(post(client, "/api/boms", bom(lid)), 400, "validation_failed");
        expectError(post(client, "/api/boms", bom(lid, newSid("m"), "1")), 400, "validation_failed");
        post(client, "/api/boms", bom(lid, brass, "1")).expectStatus().isCreated();

        eventually().untilAsserted(() -> client.get().uri("/api/boms").exchange().expectBody()
                .jsonPath("$.data[*].outputSkuId").isEqualTo(List.of(jar, lid))
                .jsonPath("$.data[0].skuCode").isEqualTo("JAR-1")
                .jsonPath("$.data[0].items.length()").isEqualTo(2));
        client.get().uri("/api/boms?q=lid").exchange().expectBody()
                .jsonPath("$.data[*].outputSkuId").isEqualTo(List.of(lid));

        put(client, "/api/boms/" + jar, body("outputSkuId", jar, "items", List.of(body("materialId", brass,
                "quantityPerUnit", "3")))).expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.items[0].materialId").isEqualTo(brass);
        eventually().untilAsserted(() -> client.get().uri("/api/boms/" + jar).exchange().expectBody()
                .jsonPath("$.items[*].materialId").isEqualTo(List.of(brass))
                .jsonPath("$.items[0].quantityPerUnit").isEqualTo("3"));
        client.get().uri("/api/materials/" + steel + "/in-use").exchange().expectBody()
                .jsonPath("$.inUse").isEqualTo(false);

        delete(client, "/api/boms/" + jar).expectStatus().isOk().expectBody().jsonPath("$.deletedId").isEqualTo(jar);
        awaitGone(client, "/api/boms/" + jar);
        expectError(put(client, "/api/boms/" + jar, bom(jar, steel, "1")), 404, "not_found");

        delete(client, "/api/skus/" + lid).expectStatus().isOk();
        awaitGone(client, "/api/boms/" + lid);
        client.get().uri("/api/materials/" + brass + "/in-use").exchange().expectBody()
                .jsonPath("$.inUse").isEqualTo(false);
    }

    @Test
    void importsRowsOneByOneAndReportsEach() {
        WebTestClient client = newOrg();
        String metals = materialType(client, "Metals");
        String reply = text(post(client, "/api/materials/import", body("rows", List.of(
                body("code", "A-1", "name", "Alpha", "typeId", metals),
                body("code", "B-1", "typeId", metals),
                body("code", "A-1", "name", "Alpha again", "typeId", metals),
                body("code", "C-1", "name", "Gamma", "typeId", newSid("t")),
                body("code", "D-1", "name", "Delta", "typeId", metals, "color", "red"),
                body("code", "E-1", "name", "Epsilon", "typeId", metals)))), 200);
        assertThat((List<String>) read(reply, "$.data[*].status"))
                .containsExactly("created", "failed", "failed", "failed", "failed", "created");
        assertThat((List<Integer>) read(reply, "$.data[*].index")).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat((List<String>) read(reply, "$.data[*].error.code"))
                .containsExactly("validation_failed", "conflict", "validation_failed", "validation_failed");
        awaitIds(client, "/api/materials", read(reply, "$.data[0].id"), read(reply, "$.data[5].id"));

        String vendors = text(post(client, "/api/vendors/import", body("rows", List.of(body("name", "Acme"),
                body("name", "Acme")))), 200);
        assertThat((List<String>) read(vendors, "$.data[*].status")).containsExactly("created", "failed");
        String type = skuType(client, "Finished");
        String skus = text(post(client, "/api/skus/import", body("rows", List.of(body("code", "S-1", "name", "S",
                "typeId", type, "itemsPerUnit", 12), body("code", "S-2", "name", "S", "typeId", type,
                "itemsPerUnit", -1)))), 200);
        assertThat((List<String>) read(skus, "$.data[*].status")).containsExactly("created", "failed");
        expectError(post(client, "/api/skus/import", body("rows", IntStream.range(0, 501)
                .mapToObj(i -> body("code", "X" + i)).toList())), 400, "validation_failed");
    }

    @Test
    void anotherOrganisationsRecordsAreNotFound() {
        WebTestClient owner = newOrg();
        WebTestClient stranger = newOrg();
        String metals = materialType(owner, "Metals");
        String steel = material(owner, "STL-1", "Steel", metals);
        String sku = sku(owner, "S-1", skuType(owner, "Finished"));
        post(owner, "/api/boms", bom(sku, steel, "1")).expectStatus().isCreated();
        awaitVisible(owner, "/api/boms/" + sku);

        expectError(stranger.get().uri("/api/materials/" + steel).exchange(), 404, "not_found");
        expectError(stranger.get().uri("/api/materials/" + steel + "/in-use").exchange(), 404, "not_found");
        expectError(patch(stranger, "/api/materials/" + steel, body("name", "Mine")), 404, "not_found");
        expectError(delete(stranger, "/api/materials/" + steel), 404, "not_found");
        expectError(stranger.get().uri("/api/boms/" + sku).exchange(), 404, "not_found");
        expectError(put(stranger, "/api/boms/" + sku, bom(sku, steel, "2")), 404, "not_found");
        expectError(delete(stranger, "/api/boms/" + sku), 404, "not_found");
        expectError(post(stranger, "/api/materials", body("code", "X", "name", "X", "typeId", metals)), 400,
                "validation_failed");
        assertThat(ids(stranger, "/api/materials")).isEmpty();
        assertThat((List<?>) read(text(stranger.get().uri("/api/boms").exchange(), 200), "$.data")).isEmpty();

        expectError(owner.get().uri("/api/vendors/" + steel).exchange(), 404, "not_found");
        expectError(delete(owner, "/api/vendors/" + steel), 404, "not_found");
        owner.get().uri("/api/materials/" + steel).exchange().expectBody().jsonPath("$.name").isEqualTo("Steel");
    }
}
