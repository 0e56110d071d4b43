package io.waybill.launcher.api;

import io.waybill.launcher.ApiTestBase;
import io.waybill.launcher.api.fuzz.FuzzTargets;
import io.waybill.launcher.api.fuzz.MappedEndpoint;
import io.waybill.launcher.api.fuzz.WriteEndpoint;
import io.waybill.launcher.api.fuzz.WriteEndpoints;
import org.springframework.http.server.PathContainer;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.waybill.launcher.api.ApiContractSupport.body;
import static io.waybill.launcher.api.ApiContractSupport.post;
import static io.waybill.launcher.api.ApiContractSupport.read;
import static io.waybill.launcher.api.ApiContractSupport.text;

/**
 * One of every kind of resource in an organisation that the access matrix is not a member of, seeded as the fuzzer
 * seeds its organisations ({@link FuzzTargets}) and named so that a leak of any of them into an answer would show,
 * with a valid body for each write endpoint against them: the fuzzer's templates.
 */
final class ForeignResources {

    /** The kinds whose ids a client chooses: two organisations seeded with the same suffix share them. */
    static final List<String> CLIENT_CHOSEN = List.of("orders", "items", "item-groups", "entry", "ref",
            "purchase-orders", "purchase-order-items", "purchase-order-receipts", "work-orders", "work-order-items",
            "work-order-receipts");

    private final Map<String, String> ids;
    private final List<WriteEndpoint> writes;

    private ForeignResources(Map<String, String> ids, List<WriteEndpoint> writes) {
        this.ids = ids;
        this.writes = writes;
    }

    /**
     * Seeds the organisation of {@code owner} under ids made of {@code suffix} and names made of {@code name}. The
     * tests' organisations share their creating user, so the personal token among them belongs to another owner of
     * the organisation, a user the matrix never acts as.
     */
    static ForeignResources create(ApiContractSupport test, WebTestClient owner, String suffix, String name,
                                   List<MappedEndpoint> mapped) {
        FuzzTargets t = FuzzTargets.seed(owner, ApiContractSupport.orgIdOf(owner), suffix, name);
        WebTestClient stranger = test.addMember(owner, "owner").client();
        String token = read(text(post(stranger, "/api/tokens", body("name", name)), 201), "$.token.id");
        String event = ApiTestBase.eventually().until(() -> read(text(owner.get().uri("/api/events?limit=1")
                .exchange(), 200), "$.data[0].eventId"), id -> id != null);
        Map<String, String> ids = new HashMap<>(Map.ofEntries(Map.entry("events", event),
                Map.entry("orders", t.order()), Map.entry("items", t.item()), Map.entry("item-groups", t.splitGroup()),
                Map.entry("locations", t.mainStore()), Map.entry("vendors", t.vendor()),
                Map.entry("material-types", t.materialType()), Map.entry("materials", t.material()),
                Map.entry("sku-types", t.skuType()), Map.entry("skus", t.sku()), Map.entry("boms", t.sku()),
                Map.entry("entry", t.reversibleEntries().get(FuzzTargets.MATERIALS)),
                Map.entry("ref", t.transferRefs().get(FuzzTargets.MATERIALS)), Map.entry("members", t.member()),
                Map.entry("tokens", token), Map.entry("inventory", t.material()),
                Map.entry("purchase-orders", t.purchaseOrder()),
                Map.entry("purchase-order-items", t.purchaseOrderLine()),
                Map.entry("purchase-order-receipts", t.purchaseReceipt()),
                Map.entry("work-orders", t.placedWorkOrder()), Map.entry("work-order-items", t.placedWorkOrderLine()),
                Map.entry("work-order-receipts", t.workReceipt())));
        return new ForeignResources(ids, WriteEndpoints.all(t, mapped));
    }

    String get(String kind) {
        return ids.get(kind);
    }

    void put(String kind, String id) {
        ids.put(kind, id);
    }

    /** The foreign id a path variable names: by the variable, else by the collection the path is under. */
    String idFor(String pattern, String variable) {
        String id = switch (variable) {
            case "ref" -> ids.get("ref");
            case "itemId" -> ids.get("inventory");
            case "skuId" -> ids.get("skus");
            case "userId" -> ids.get("members");
            default -> pattern.contains("-inventory/ledger/") ? ids.get("entry")
                    : pattern.startsWith("/api/ops/dead-letters/") ? ids.get("dead-letters")
                    : ids.get(pattern.substring("/api/".length()).split("/")[0]);
        };
        if (id == null) {
            throw new IllegalStateException("no foreign id known for {" + variable + "} of " + pattern);
        }
        return id;
    }

    /**
     * A body that would be accepted for a resource of the caller's own (the fuzzer's template for the endpoint), so
     * that only the foreign id can refuse it; none for an endpoint that reads no body.
     */
    Map<String, Object> bodyFor(AccessMatrixContract.Endpoint endpoint) {
        var pattern = PathPatternParser.defaultInstance.parse(endpoint.pattern());
        return writes.stream().filter(write -> write.method().equals(endpoint.method().name()) && !write.rowsOfBulk()
                        && pattern.matches(PathContainer.parsePath(write.path())))
                .map(WriteEndpoint::template).findFirst().orElse(Map.of());
    }
}
