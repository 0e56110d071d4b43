package io.waybill.launcher.api;

import io.waybill.launcher.WaybillApplication;
import io.waybill.platform.security.EndpointRoles;
import io.waybill.platform.web.ApiDocument;
import io.waybill.testing.RunningApp;
import io.waybill.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static io.waybill.launcher.api.ApiContractSupport.read;
import static io.waybill.launcher.api.ApiContractSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document the embedded service serves, without a token: it lists every endpoint the service maps
 * under {@code /api} with its methods, and nothing else. It is written to {@code target/openapi.json}, where CI
 * lints it. Swagger UI is served over it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDocumentTest {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private RunningApp app;

    @BeforeAll
    void start() {
        app = RunningApp.start(TestDatabases.embedded(), WaybillApplication.class);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void theDocumentHoldsEveryMappedEndpointAndNoOther() throws IOException {
        String document = text(app.client().get().uri("/v3/api-docs").exchange(), 200);
        Files.writeString(Path.of("target", "openapi.json"), document);

        assertThat((String) read(document, "$.openapi")).startsWith("3.1");
        Map<String, Map<String, Object>> paths = read(document, "$.paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().stream().filter(METHODS::contains)
                .forEach(method -> documented.add(method.toUpperCase() + " " + path)));
        Set<String> mapped = new TreeSet<>();
        var mapping = app.context().getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        for (EndpointRoles.Endpoint endpoint : EndpointRoles.all(mapping)) {
            assertThat(endpoint.methods()).as(endpoint.pattern()).isNotEmpty();
            endpoint.methods().forEach(method -> mapped.add(method.name() + " " + documentedPath(endpoint.pattern())));
        }
        assertThat(documented).isEqualTo(mapped);
        assertThat(read(document, "$.components.securitySchemes.bearer.scheme").toString()).isEqualTo("bearer");
        assertThat(read(document, "$.components.securitySchemes.organisation.name").toString())
                .isEqualTo("X-Org-Id");
        assertThat((List<Map<String, Object>>) read(document, "$.paths['/api/events/stream'].get.security"))
                .as("a stream is opened with a token or a ticket").hasSize(2)
                .anySatisfy(requirement -> assertThat(requirement).containsOnlyKeys("ticket"));
    }

    /**
     * Each operation lists by status the codes it may answer, in the envelope that holds one of them: those of every
     * call, {@code not_found} where the path names a resource, and what its handler declares.
     */
    @Test
    void everyOperationListsTheRefusalsItMayAnswer() {
        String document = text(app.client().get().uri("/v3/api-docs").exchange(), 200);
        Map<String, Object> me = read(document, "$.paths['/api/users/me'].get.responses");
        assertThat(me).containsKeys("200", "400", "401", "403", "429", "500", "503").doesNotContainKeys("404", "409");
        assertThat(codes(document, "/api/orders/{idOrUniqueName}", "get", "404")).containsExactly("not_found");
        assertThat(codes(document, "/api/{inventory}/ledger", "post", "409"))
                .containsExactly("conflict", "insufficient_stock");
        assertThat(codes(document, "/api/{inventory}/ledger/{id}/reverse", "post", "409"))
                .containsExactly("conflict", "invalid_transition", "insufficient_stock");
        Map<String, Object> bulk = read(document, "$.paths['/api/item-groups/bulk-update'].post.responses");
        assertThat(bulk).as("each row answers its own refusal").containsKey("413").doesNotContainKey("409");
        assertThat((String) read(document, "$.components.responses.ConflictOrInsufficientStock.description"))
                .contains("`insufficient_stock`: ");
    }

    /**
     * A path variable mapped as one of a list of words shows them: the catalog's collections, the inventories, and a
     * purchase order's controls, whose words two handlers share (the admin's and the member's).
     */
    @Test
    void pathVariablesOfAFewWordsListThem() {
        String document = text(app.client().get().uri("/v3/api-docs").exchange(), 200);
        assertThat((List<String>) read(document, "$.paths['/api/{collection}/{id}'].get.parameters[?(@.name == "
                + "'collection')].schema.enum[*]")).containsExactly("locations", "vendors", "material-types",
                "materials", "sku-types", "skus");
        assertThat((List<String>) read(document, "$.paths['/api/{inventory}/ledger'].post.parameters[?(@.name == "
                + "'inventory')].schema.enum[*]")).containsExactly("materials-inventory", "fg-inventory");
        assertThat((List<String>) read(document, "$.paths['/api/purchase-orders/{id}/{control}'].post.parameters"
                + "[?(@.name == 'control')].schema.enum[*]")).containsExactlyInAnyOrder("send", "lock", "archive",
                "unarchive", "close", "approve", "unlock", "void");
    }

    /** The codes one answer of an operation may carry, from the envelope of the answer it shares. */
    private static List<String> codes(String document, String path, String method, String status) {
        String answer = read(document, "$.paths['" + path + "']." + method + ".responses['" + status + "'].$ref");
        return read(document, "$.components.responses." + answer.replaceAll(".*/", "")
                + ".content['application/json'].schema.properties.error.properties.code.enum");
    }

    /**
     * The document names a body's schema after its record's simple name: two records of one name would be shown as
     * one, the other endpoint's shape in place of its own.
     */
    @Test
    void everyRequestBodyHasASchemaOfItsOwn() {
        var mapping = app.context().getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        Map<String, Set<String>> classesByName = new TreeMap<>();
        mapping.getHandlerMethods().values().forEach(handler -> Arrays.stream(handler.getMethodParameters())
                .filter(parameter -> parameter.hasParameterAnnotation(RequestBody.class))
                .map(parameter -> parameter.getParameterType())
                .forEach(type -> classesByName.computeIfAbsent(type.getSimpleName(), name -> new TreeSet<>())
                        .add(type.getName())));
        assertThat(classesByName).allSatisfy((name, classes) -> assertThat(classes).as(name).hasSize(1));
        String document = text(app.client().get().uri("/v3/api-docs").exchange(), 200);
        String line = "$.components.schemas.PurchaseOrderLineRequest.properties.";
        assertThat(types(document, line + "materialId")).as("may be left out or null")
                .containsExactly("string", "null");
        assertThat(types(document, line + "quantity")).as("decimals travel as strings").containsExactly("string");
        assertThat(types(document, "$.components.schemas.CreateWorkOrderRequest.properties.items"))
                .as("lines read one by one").containsExactly("array", "null");
        assertThat((String) read(document, "$.components.schemas.CreateWorkOrderRequest.properties.items.items.$ref"))
                .endsWith("/WorkOrderLineRequest");
    }

    /**
     * Records bound from the query (a timeline's range, an item group's names) are shown field by field: a client
     * sends {@code ?itemId=}, not one parameter holding an object.
     */
    @Test
    void queryParametersAreEachOneValue() {
        String document = text(app.client().get().uri("/v3/api-docs").exchange(), 200);
        List<Map<String, Object>> parameters = read(document, "$.paths.*.*.parameters[*]");
        assertThat(parameters).isNotEmpty().allSatisfy(parameter -> assertThat(parameter.get("schema").toString())
                .as(parameter.toString()).doesNotContain("$ref"));
        List<String> timeline = read(document, "$.paths['/api/item-groups/{idOrUniqueName}/events'].get"
                + ".parameters[*].name");
        assertThat(timeline).contains("itemId", "cursor", "limit").doesNotContain("names", "request");
    }

    /**
     * Every example body, and every example answer, names an operation the service has, and that operation shows it:
     * the body as its request's example, the answer as its success's.
     */
    @Test
    void everyExampleIsShownByItsOperation() throws IOException {
        String document = text(app.client().get().uri("/v3/api-docs").exchange(), 200);
        Map<String, Object> examples = resource(ApiDocument.EXAMPLES);
        assertThat(examples).hasSizeGreaterThan(10);
        examples.forEach((operation, body) -> assertThat((Object) read(document, operation(operation)
                + ".requestBody.content['application/json'].example")).as(operation).isEqualTo(body));
        Map<String, Object> answers = resource(ApiDocument.ANSWERS);
        assertThat(answers).hasSizeGreaterThan(5);
        answers.forEach((operation, answer) -> {
            Map<String, Object> responses = read(document, operation(operation) + ".responses");
            String success = responses.keySet().stream().filter(status -> status.startsWith("2")).findFirst()
                    .orElseThrow();
            assertThat((Object) read(document, operation(operation) + ".responses['" + success
                    + "'].content['application/json'].example")).as(operation).isEqualTo(answer);
        });
    }

    /** {@code "POST /api/orders"} as the JSON path of its operation in the document. */
    private static String operation(String operation) {
        String method = operation.substring(0, operation.indexOf(' ')).toLowerCase(Locale.ROOT);
        return "$.paths['" + operation.substring(operation.indexOf(' ') + 1) + "']." + method;
    }

    private Map<String, Object> resource(String name) throws IOException {
        try (var json = getClass().getClassLoader().getResourceAsStream(name)) {
            return read(new String(json.readAllBytes(), StandardCharsets.UTF_8), "$");
        }
    }

    /** A body read in parts shows the record it has the shape of; every body's schema is in the document. */
    @Test
    void bodiesReadInPartsShowTheirShape() {
        String document = text(app.client().get().uri("/v3/api-docs").exchange(), 200);
        assertThat((String) read(document, "$.paths['/api/purchase-orders'].post.requestBody.content"
                + "['application/json'].schema.$ref")).endsWith("/CreatePurchaseOrderRequest");
        assertThat(types(document, "$.components.schemas.CreatePurchaseOrderRequest.properties.vendorId"))
                .as("required").containsExactly("string");
        List<String> referenced = read(document, "$.paths.*.*.requestBody.content.*.schema.$ref");
        Map<String, Object> schemas = read(document, "$.components.schemas");
        assertThat(referenced).isNotEmpty().allSatisfy(reference ->
                assertThat(schemas).containsKey(reference.substring(reference.lastIndexOf('/') + 1)));
    }

    @Test
    void swaggerUiIsServedOverTheDocument() {
        URI page = app.client().get().uri("/swagger-ui").exchange().expectStatus().is3xxRedirection()
                .returnResult(String.class).getResponseHeaders().getLocation();
        assertThat(page).isNotNull();
        String html = text(app.client().get().uri(page.toString()).exchange(), 200);
        assertThat(html).contains("swagger-ui");
        String config = text(app.client().get().uri("/v3/api-docs/swagger-config").exchange(), 200);
        assertThat(config).contains("/v3/api-docs");
    }

    /** A mapped pattern as the document writes it: a variable's pattern ({@code {kind:a|b}}) is left out. */
    private static String documentedPath(String pattern) {
        return pattern.replaceAll("\\{(\\w+):[^}]*}", "{$1}");
    }

    /** A property's types: OpenAPI 3.1 writes one as a string, several as a list. */
    private static List<String> types(String document, String property) {
        Object type = read(document, property + ".type");
        return type instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of((String) type);
    }
}
