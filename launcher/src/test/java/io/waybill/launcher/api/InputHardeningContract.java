package io.waybill.launcher.api;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed bodies, one kind at a time: each is refused as {@code validation_failed} naming what is wrong in
 * {@code details} (the field, where the JSON broke, or the header), in our own words, and records nothing.
 * {@link MalformedInputFuzzTest} sends thousands of generated ones.
 */
abstract class InputHardeningContract extends ApiContractSupport {

    private static final String SHORT_TEXT = "must not contain control characters or line breaks";

    @Test
    void controlCharactersInANameAreRefused() {
        WebTestClient client = newOrg();
        long events = events();
        for (String name : List.of("Dock\u0007B", "Dock\nB", "Dock B\n", "\tDock", "Dock\u0000", "Dock\u007f",
                "Dock\u0085", "Dock\u2028B")) {
            expectError(post(client, "/api/locations", body("name", name)), 400, "validation_failed")
                    .jsonPath("$.error.details.fields.name").isEqualTo(SHORT_TEXT);
        }
        expectError(raw(client, "/api/locations", "{\"name\":\"Dock \\ud800\"}"), 400, "validation_failed")
                .jsonPath("$.error.details.fields.name").isEqualTo(SHORT_TEXT);
        expectError(post(client, "/api/orders", body("vendorName", "Acme", "eventRelations", List.of("a\u0001b"))),
                400, "validation_failed").jsonPath("$.error.details.fields.eventRelations").exists();
        expectError(post(client, "/api/locations", body("name", "Dock B", "notes", "ring the bell\u0007")), 400,
                "validation_failed").jsonPath("$.error.details.fields.notes")
                .isEqualTo("must not contain control characters other than tab and line breaks");
        assertThat(events()).isEqualTo(events);

        String notes = "line one\nline two\r\n\tindented, with \ud83d\ude9a";
        String id = read(text(post(client, "/api/locations", body("name", "Dock B", "notes", notes)), 201), "$.id");
        eventually().untilAsserted(() -> client.get().uri("/api/locations/" + id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.notes").isEqualTo(notes));
    }

    @Test
    void invalidUtf8IsRefusedAs400NamingWhere() {
        WebTestClient client = newOrg();
        long events = events();
        byte[][] sequences = {{(byte) 0xff}, {(byte) 0xc3}, {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xc1, (byte) 0xbf},
                {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};
        for (byte[] sequence : sequences) {
            expectError(raw(client, "/api/locations", utf8("{\"name\":\"Dock ", sequence, "B\"}")), 400,
                    "validation_failed").jsonPath("$.error.details.body").isEqualTo("invalid UTF-8 at byte offset 14");
            expectError(raw(client, "/api/locations", utf8("{\"na", sequence, "me\":\"Dock\"}")), 400,
                    "validation_failed").jsonPath("$.error.details.body").isEqualTo("invalid UTF-8 at byte offset 4");
        }
        for (String charset : List.of("ISO-8859-1", "UTF-16")) {
            byte[] overlongSlash = utf8("{\"name\":\"a", new byte[]{(byte) 0xc0, (byte) 0xaf}, "b\"}");
            expectError(client.post().uri("/api/locations").header("Content-Type", "application/json;charset="
                    + charset).bodyValue(overlongSlash).exchange(), 400, "validation_failed")
                    .jsonPath("$.error.details.body").isEqualTo("invalid UTF-8 at byte offset 10");
        }
        assertThat(events()).isEqualTo(events);
        raw(client, "/api/locations", utf8("\ufeff{\"name\":\"D\u00f6ck \u5009\u5eab\"}")).expectStatus().isCreated()
                .expectBody().jsonPath("$.name").isEqualTo("D\u00f6ck \u5009\u5eab");
    }

    @Test
    void malformedJsonIsRefusedNamingWhereParsingFailed() {
        WebTestClient client = newOrg();
        long events = events();
        expectError(raw(client, "/api/locations", "{\"name\": \"Dock\", \"city\": }"), 400, "validation_failed")
                .jsonPath("$.error.message").isEqualTo("the request body is not valid JSON")
                .jsonPath("$.error.details.body").isEqualTo("malformed JSON at line 1 column 26");
        expectError(raw(client, "/api/locations", "{\n  \"name\": \"Dock\",\n  \"city\" \"Leeds\"\n}"), 400,
                "validation_failed").jsonPath("$.error.details.body").isEqualTo("malformed JSON at line 3 column 10");
        expectError(raw(client, "/api/locations", "{\"name\": \"Dock\""), 400, "validation_failed")
                .jsonPath("$.error.details.body").isEqualTo("incomplete JSON, it ends at line 1 column 16");
        for (String body : List.of("{'name': 'Dock'}", "{\"name\": \"Dock\",}", "{\"name\": \"Dock\"} x",
                "{\"name\": \"Dock\"}{}", "{name: \"Dock\"}", "{\"name\": \"Do\u0001ck\"}", "{\"sortOrder\": NaN}",
                "{\"sortOrder\": 01}", "{/* c */ \"name\": \"Dock\"}")) {
            assertThat(text(raw(client, "/api/locations", body), 400))
                    .contains("\"code\":\"validation_failed\"", "malformed JSON at line 1 column")
                    .doesNotContain("Exception", "jackson", "Feature", "Source", "REDACTED");
        }
        String limits = "nested too deeply, or a number or string too long";
        expectError(raw(client, "/api/locations", "[".repeat(10_000) + "]".repeat(10_000)), 400,
                "validation_failed").jsonPath("$.error.details.body").isEqualTo(limits);
        expectError(raw(client, "/api/locations", "{\"name\":\"Dock\",\"sortOrder\":1" + "0".repeat(2000) + "}"),
                400, "validation_failed").jsonPath("$.error.details.body").isEqualTo(limits);
        expectError(raw(client, "/api/locations", "[]"), 400, "validation_failed")
                .jsonPath("$.error.details.body").isEqualTo("must be a JSON object");
        expectError(raw(client, "/api/locations", ""), 400, "validation_failed")
                .jsonPath("$.error.details.body").isEqualTo("missing");
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void aFieldGivenTwiceIsRefusedNamingIt() {
        WebTestClient client = newOrg();
        String group = createOrderItemAndGroup(client, "5");
        long events = events();
        expectError(raw(client, "/api/locations", "{\"name\":\"Dock A\",\"name\":\"Dock B\"}"), 400,
                "validation_failed")
                .jsonPath("$.error.details.fields.name").isEqualTo("appears more than once")
                .jsonPath("$.error.details.body").isEqualTo("duplicate field at line 1 column 24");
        expectError(raw(client, "/api/item-groups/bulk-update", "{\"rows\":[{\"id\":\"" + group
                + "\",\"trackingNumber\":\"A\",\"trackingNumber\":\"B\"}]}"), 400, "validation_failed")
                .jsonPath("$.error.details.fields['rows[0].trackingNumber']").isEqualTo("appears more than once");
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void anUnknownEnumValueIsRefusedNamingTheField() {
        Stockroom room = Stockroom.open(this);
        String order = createOrder(room.client, newSid("o"));
        long events = events();
        expectError(post(room.client, "/api/materials-inventory/ledger", room.material("eventType", "TELEPORT",
                "locationId", room.a, "quantity", "1")), 400, "validation_failed")
                .jsonPath("$.error.details.fields.eventType").value(message -> assertThat((String) message)
                        .startsWith("must be one of [ORDER, RECEIVE"));
        expectError(post(room.client, "/api/items", body("orderId", order, "quantity", "1", "status", "lost")),
                400, "validation_failed").jsonPath("$.error.details.fields.status")
                .isEqualTo("status must be one of active, canceled");
        expectError(post(room.client, "/api/organizations/current/members", body("email", "x@example.com",
                "role", "superuser")), 400, "validation_failed").jsonPath("$.error.details.fields.role").exists();
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void numbersOutOfRangeAreRefusedNamingTheField() {
        WebTestClient client = newOrg();
        String order = createOrder(client, newSid("o"));
        long events = events();
        expectError(post(client, "/api/items", body("orderId", order, "quantity", "1", "leadTime", 36_501)), 400,
                "validation_failed").jsonPath("$.error.details.fields.leadTime")
                .isEqualTo("must be between 0 and 36500");
        expectError(post(client, "/api/items", body("orderId", order, "quantity", "1", "lineNumber", 2147483648L)),
                400, "validation_failed").jsonPath("$.error.details.fields.lineNumber")
                .isEqualTo("must be a whole number");
        for (String quantity : List.of("0", "-1", "1" + "0".repeat(26), "0.0000000000001", "1e3")) {
            expectError(post(client, "/api/items", body("orderId", order, "quantity", quantity)), 400,
                    "validation_failed").jsonPath("$.error.details.fields.quantity").exists();
        }
        for (int days : List.of(0, 3651)) {
            expectError(post(client, "/api/tokens", body("name", "ci", "expiresInDays", days)), 400,
                    "validation_failed").jsonPath("$.error.details.fields.expiresInDays")
                    .isEqualTo("must be between 1 and 3650");
        }
        expectError(post(client, "/api/locations", body("name", "Dock", "sortOrder", -1)), 400, "validation_failed")
                .jsonPath("$.error.details.fields.sortOrder").exists();
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void overLongStringsAreRefusedNamingTheField() {
        WebTestClient client = newOrg();
        long events = events();
        expectError(post(client, "/api/locations", body("name", "x".repeat(101))), 400, "validation_failed")
                .jsonPath("$.error.details.fields.name").isEqualTo("must be at most 100 characters");
        expectError(post(client, "/api/vendors", body("name", "x".repeat(256))), 400, "validation_failed")
                .jsonPath("$.error.details.fields.name").isEqualTo("must be at most 255 characters");
        expectError(post(client, "/api/orders", body("vendorName", "Acme", "title", "x".repeat(1001))), 400,
                "validation_failed").jsonPath("$.error.details.fields.title")
                .isEqualTo("must be at most 1000 characters");
        expectError(post(client, "/api/orders", body("id", "s".repeat(65), "vendorName", "Acme")), 400,
                "validation_failed").jsonPath("$.error.details.fields.id").exists();
        assertThat(events()).isEqualTo(events);
        post(client, "/api/locations", body("name", "x".repeat(100))).expectStatus().isCreated();
    }

    /**
     * Limits count characters, not UTF-16 units: a name of emoji up to its limit is stored and read back whole (on
     * H2 each takes two units of a column), one more is refused.
     */
    @Test
    void lengthsCountCharactersSoEmojiFillTheirWholeLimit() {
        WebTestClient client = newOrg();
        String truck = "\ud83d\ude9a";
        String location = read(text(post(client, "/api/locations", body("name", truck.repeat(100), "city",
                truck.repeat(150))), 201), "$.id");
        String order = newSid("emoji");
        post(client, "/api/orders", body("id", order, "vendorName", truck.repeat(255), "uniqueName",
                truck.repeat(255), "title", truck.repeat(1000))).expectStatus().isCreated();
        eventually().untilAsserted(() -> {
            client.get().uri("/api/locations/" + location).exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.name").isEqualTo(truck.repeat(100)).jsonPath("$.city").isEqualTo(truck.repeat(150));
            client.get().uri("/api/orders/" + order).exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.uniqueName").isEqualTo(truck.repeat(255))
                    .jsonPath("$.title").isEqualTo(truck.repeat(1000));
        });
        long events = events();
        expectError(post(client, "/api/locations", body("name", truck.repeat(101))), 400, "validation_failed")
                .jsonPath("$.error.details.fields.name").isEqualTo("must be at most 100 characters");
        expectError(post(client, "/api/orders", body("vendorName", "Acme", "uniqueName", truck.repeat(256))), 400,
                "validation_failed").jsonPath("$.error.details.fields.uniqueName")
                .isEqualTo("must be at most 255 characters");
        assertThat(events()).isEqualTo(events);
    }

    /** A split's new ids follow the rule of every id, its new unique names that of every unique name. */
    @Test
    void aSplitsNewIdsAndNamesAreReadAsIdsAndNamesAre() {
        WebTestClient client = newOrg();
        String group = createOrderItemAndGroup(client, "10");
        long events = events();
        expectError(post(client, "/api/item-groups/" + group + "/split", body("quantities", List.of("4", "6"),
                "newIds", List.of("a b"))), 400, "validation_failed").jsonPath("$.error.details.fields.newIds")
                .isEqualTo("[0] must be 1 to 64 letters, digits, _ or -, starting with a letter or digit");
        assertThat(events()).isEqualTo(events);
        String name = "n".repeat(200);
        post(client, "/api/item-groups/" + group + "/split", body("quantities", List.of("4", "6"),
                "newIds", List.of(newSid("part")), "newUniqueNames", List.of(name))).expectStatus().isOk()
                .expectBody().jsonPath("$.data[1].uniqueName").isEqualTo(name);
    }

    @Test
    void unknownFieldsAreRefusedNamingEachOfThem() {
        WebTestClient client = newOrg();
        long events = events();
        expectError(post(client, "/api/orders", body("vendorName", "Acme", "colour", "red", "orgId", "x")),
                400, "validation_failed")
                .jsonPath("$.error.details.fields.colour").isEqualTo("unknown field")
                .jsonPath("$.error.details.fields.orgId").isEqualTo("unknown field");
        expectError(post(client, "/api/vendors/import", body("rows", List.of(body("name", "Acme")), "dryRun", true)),
                400, "validation_failed").jsonPath("$.error.details.fields.dryRun").isEqualTo("unknown field");
        expectError(post(client, "/api/boms", body("outputSkuId", "sku-1", "items", List.of(body("materialId", "m-1",
                "quantityPerUnit", "2", "note", "x")))), 400, "validation_failed")
                .jsonPath("$.error.details.fields['items[0]']").value(message -> assertThat((String) message)
                        .contains("note: unknown field"));
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void wrongTypesAndMissingOrNullRequiredFieldsAreRefusedNamingThem() {
        WebTestClient client = newOrg();
        long events = events();
        expectError(post(client, "/api/locations", body("name", 5)), 400, "validation_failed")
                .jsonPath("$.error.details.fields.name").isEqualTo("must be a string");
        expectError(post(client, "/api/locations", body("name", null)), 400, "validation_failed")
                .jsonPath("$.error.details.fields.name").isEqualTo("is required");
        expectError(post(client, "/api/locations", body("city", "Leeds")), 400, "validation_failed")
                .jsonPath("$.error.details.fields.name").isEqualTo("is required");
        expectError(post(client, "/api/locations", body("name", "Dock", "isActive", "yes")), 400,
                "validation_failed").jsonPath("$.error.details.fields.isActive").isEqualTo("must be true or false");
        expectError(post(client, "/api/item-groups/combine", body("itemGroupIds", "g-1")), 400, "validation_failed")
                .jsonPath("$.error.details.fields.itemGroupIds").exists();
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void aBodyOfAnotherMediaTypeIsRefusedWithoutNamingInternals() {
        WebTestClient client = newOrg();
        long events = events();
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
            String answer = text(client.post().uri("/api/locations").header("Content-Type", type)
                    .bodyValue("{\"name\":\"Dock\"}".getBytes(StandardCharsets.UTF_8)).exchange(), 400);
            assertThat((String) read(answer, "$.error.details.header")).isEqualTo("Content-Type");
            assertThat(answer).doesNotContain("bodyType", "tools.", "JsonNode");
        }
        assertThat(events()).isEqualTo(events);
    }

    private long events() {
        return app.bean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class);
    }

    private static WebTestClient.ResponseSpec raw(WebTestClient client, String uri, String json) {
        return raw(client, uri, json.getBytes(StandardCharsets.UTF_8));
    }

    private static WebTestClient.ResponseSpec raw(WebTestClient client, String uri, byte[] body) {
        return client.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** The texts in UTF-8 with the raw bytes between them. */
    private static byte[] utf8(Object... textsAndBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : textsAndBytes) {
            out.writeBytes(part instanceof byte[] bytes ? bytes : part.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
