package io.waybill.launcher.api;

import io.waybill.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random steps with a fixed seed over two SKUs that share two materials at one work site: purchase-order receipts
 * bring materials in, work orders are placed (demanding and allocating), take receipts (producing and consuming,
 * refused when a material is short), have receipts moved to another date (refused when the stock of the dates between
 * does not allow it) or deleted, and are completed or cancelled. After each step the service accepted or refused it
 * as the independent model below says, and each material's on hand, demand and
 * allocated, each SKU's on hand, and each open order's allocation and shortage equal the model's (none negative,
 * allocated never above on hand), and the work-order check finds nothing pending and no difference; at the end the
 * drift check finds nothing either. The number of steps is {@code -Dwaybill.randomized.work-orders} (default 60).
 */
class WorkOrderRandomizedTest extends CatalogContractSupport {

    private final Random random = new Random(20261203L);
    private final Map<String, BigDecimal> onHand = new LinkedHashMap<>();
    private final Map<String, BigDecimal> skuOnHand = new LinkedHashMap<>();
    /** Per material and SKU: the changes of on hand per business date (purchases arrive up to a week back). */
    private final Map<String, NavigableMap<LocalDate, BigDecimal>> dated = new LinkedHashMap<>();
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    /** Per SKU: its materials and how much of each one unit takes. */
    private final Map<String, Map<String, BigDecimal>> boms = new LinkedHashMap<>();
    private final List<Order> orders = new ArrayList<>();
    private final Map<String, Integer> done = new TreeMap<>();
    private WebTestClient client;
    private String site;
    private String vendor;

    /** The model of one work order: one line, what it holds of each material, its standing receipts. */
    private static final class Order {
        final String id;
        final String line;
        final String sku;
        final BigDecimal quantity;
        final Map<String, BigDecimal> demand = new LinkedHashMap<>();
        final Map<String, BigDecimal> allocated = new LinkedHashMap<>();
        final List<Receipt> receipts = new ArrayList<>();
        String status = "Placed";

        Order(String id, String line, String sku, BigDecimal quantity) {
            this.id = id;
            this.line = line;
            this.sku = sku;
            this.quantity = quantity;
        }

        BigDecimal received() {
            return receipts.stream().map(Receipt::units).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        boolean open() {
            return !status.equals("Completed") && !status.equals("Cancelled");
        }
    }

    /** A standing receipt, its date, and what each of its consumptions drew of the order's allocation and demand. */
    private static final class Receipt {
        final String id;
        final BigDecimal units;
        final Map<String, BigDecimal[]> drawn;
        LocalDate date;

        Receipt(String id, BigDecimal units, Map<String, BigDecimal[]> drawn, LocalDate date) {
            this.id = id;
            this.units = units;
            this.drawn = drawn;
            this.date = date;
        }

        BigDecimal units() {
            return units;
        }
    }

    @Override
    protected Map<String, Object> database() {
        return TestDatabases.embedded();
    }

    @Test
    void stockFollowsTheModelAfterEveryStep() {
        client = newOrg();
        site = create(client, "locations", body("name", "Plant"));
        vendor = create(client, "vendors", body("name", "Acme"));
        String metals = materialType(client, "Metals");
        String steel = material(client, "ST-1", "Steel", metals);
        String bolt = material(client, "BO-1", "Bolt", metals);
        String boxed = skuType(client, "Boxed");
        bom(sku(client, "WI-1", boxed), Map.of(steel, "2", bolt, "1"));
        bom(sku(client, "GA-1", boxed), Map.of(steel, "1", bolt, "3"));
        List.of(steel, bolt).forEach(material -> onHand.put(material, BigDecimal.ZERO));
        int steps = Integer.getInteger("waybill.randomized.work-orders", 60);
        for (int i = 0; i < steps; i++) {
            int dice = random.nextInt(100);
            String kind = dice < 25 ? purchase() : dice < 40 ? place() : dice < 70 ? receive()
                    : dice < 82 ? moveReceipt() : dice < 90 ? deleteReceipt()
                    : close(dice < 96 ? "Cancelled" : "Completed");
            done.merge(kind, 1, Integer::sum);
            assertStockMatchesModel();
        }
        client.get().uri("/api/inventory/verify").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.differences.length()").isEqualTo(0);
        client.get().uri("/api/inventory/verify/work-orders").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.checkedOrders").isEqualTo(orders.size())
                .jsonPath("$.pendingEntries").isEqualTo(0)
                .jsonPath("$.differences.length()").isEqualTo(0);
        System.out.printf("WorkOrderRandomizedTest: %d steps %s%n", steps, done);
        assertThat(done).as("steps of each kind").containsKeys("purchase", "place", "receipt", "refused receipt",
                "receipt move", "refused receipt move", "receipt deletion", "Cancelled");
    }

    private void bom(String sku, Map<String, String> materials) {
        Map<String, BigDecimal> perUnit = new TreeMap<>();
        materials.forEach((material, quantity) -> perUnit.put(material, new BigDecimal(quantity)));
        boms.put(sku, perUnit);
        skuOnHand.put(sku, BigDecimal.ZERO);
        post(client, "/api/boms", body("outputSkuId", sku, "items", perUnit.entrySet().stream()
                .map(line -> body("materialId", line.getKey(), "quantityPerUnit", line.getValue().toPlainString()))
                .toList())).expectStatus().isCreated();
    }

    /** A placed purchase order of one material, received in full at the work site, dated up to a week back. */
    private String purchase() {
        String material = pick(new ArrayList<>(onHand.keySet()));
        BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(16));
        String po = text(post(client, "/api/purchase-orders", body("vendorId", vendor, "targetType", "materials",
                "shipToLocationId", site, "items", List.of(body("materialId", material, "quantity",
                        quantity.toPlainString())))), 201);
        patch(client, "/api/purchase-orders/" + read(po, "$.purchaseOrder.id"), body("status", "Placed"))
                .expectStatus().isOk();
        LocalDate arrived = today.minusDays(random.nextInt(8));
        post(client, "/api/purchase-orders/" + read(po, "$.purchaseOrder.id") + "/receipts", body("receiptDate",
                arrived.toString(), "items", List.of(body("purchaseOrderItemId", read(po, "$.items[0].id"),
                        "quantity", quantity.toPlainString())))).expectStatus().isCreated();
        onHand.merge(material, quantity, BigDecimal::add);
        change(material, arrived, quantity);
        return "purchase";
    }

    /** A work order created placed: it demands its inputs and allocates what is available of each. */
    private String place() {
        String sku = pick(new ArrayList<>(boms.keySet()));
        BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(4));
        String body = text(post(client, "/api/work-orders", body("workSiteLocationId", site, "status", "Placed",
                "items", List.of(body("skuId", sku, "quantity", quantity.toPlainString())))), 201);
        Order order = new Order(read(body, "$.workOrder.id"), read(body, "$.items[0].id"), sku, quantity);
        boms.get(sku).forEach((material, perUnit) -> {
            BigDecimal required = perUnit.multiply(quantity);
            BigDecimal take = required.min(available(material)).max(BigDecimal.ZERO);
            order.demand.put(material, required.subtract(take));
            order.allocated.put(material, take);
        });
        orders.add(order);
        return "place";
    }

    /** Some of what an open order still lacks: refused, changing nothing, when a material is short. */
    private String receive() {
        List<Order> open = orders.stream().filter(o -> o.open() && o.received().compareTo(o.quantity) < 0)
                .toList();
        if (open.isEmpty()) {
            return purchase();
        }
        Order order = pick(open);
        BigDecimal units = BigDecimal.valueOf(1 + random.nextInt(order.quantity.subtract(order.received())
                .intValue()));
        var response = post(client, "/api/work-orders/" + order.id + "/receipts", body("items",
                List.of(body("workOrderItemId", order.line, "quantity", units.toPlainString()))));
        boolean enough = boms.get(order.sku).entrySet().stream().allMatch(input -> {
            BigDecimal need = input.getValue().multiply(units);
            BigDecimal fromAllocation = need.min(order.allocated.get(input.getKey()));
            return need.subtract(fromAllocation).compareTo(available(input.getKey())) <= 0;
        });
        if (!enough) {
            expectError(response, 409, "insufficient_stock");
            return "refused receipt";
        }
        Map<String, BigDecimal[]> drawn = new LinkedHashMap<>();
        boms.get(order.sku).forEach((material, perUnit) -> {
            BigDecimal need = perUnit.multiply(units);
            BigDecimal fromAllocation = need.min(order.allocated.get(material));
            BigDecimal fromDemand = need.subtract(fromAllocation).min(order.demand.get(material));
            drawn.put(material, new BigDecimal[] {need, fromAllocation, fromDemand});
            onHand.merge(material, need.negate(), BigDecimal::add);
            change(material, today, need.negate());
            order.allocated.merge(material, fromAllocation.negate(), BigDecimal::add);
            order.demand.merge(material, fromDemand.negate(), BigDecimal::add);
        });
        order.receipts.add(new Receipt(read(text(response, 201), "$.receipt.id"), units, drawn, today));
        skuOnHand.merge(order.sku, units, BigDecimal::add);
        change(order.sku, today, units);
        order.status = order.received().compareTo(order.quantity) == 0 ? "Received" : "Partial";
        return "receipt";
    }

    /** A standing receipt of an open order: its production and consumption are reversed exactly. */
    private String deleteReceipt() {
        List<Order> withReceipts = orders.stream().filter(o -> o.open() && !o.receipts.isEmpty()).toList();
        if (withReceipts.isEmpty()) {
            return receive();
        }
        Order order = pick(withReceipts);
        Receipt receipt = order.receipts.remove(random.nextInt(order.receipts.size()));
        client.delete().uri("/api/work-order-receipts/{id}", receipt.id).exchange().expectStatus().isOk();
        receipt.drawn.forEach((material, drawn) -> {
            onHand.merge(material, drawn[0], BigDecimal::add);
            change(material, today, drawn[0]);
            order.allocated.merge(material, drawn[1], BigDecimal::add);
            order.demand.merge(material, drawn[2], BigDecimal::add);
        });
        skuOnHand.merge(order.sku, receipt.units.negate(), BigDecimal::add);
        change(order.sku, today, receipt.units.negate());
        order.status = order.receipts.isEmpty() ? "Placed" : "Partial";
        return "receipt deletion";
    }

    /**
     * A standing receipt of an open order dated up to six days back: refused when its units would be missing on a
     * date between (moved later) or its materials would be (moved earlier); else its entries move, and the balances
     * as of both dates follow.
     */
    private String moveReceipt() {
        List<Order> withReceipts = orders.stream().filter(o -> o.open() && !o.receipts.isEmpty()).toList();
        if (withReceipts.isEmpty()) {
            return receive();
        }
        Order order = pick(withReceipts);
        Receipt receipt = pick(order.receipts);
        LocalDate from = receipt.date;
        LocalDate to = today.minusDays(random.nextInt(7));
        var response = patch(client, "/api/work-order-receipts/" + receipt.id, body("receiptDate", to.toString()));
        boolean allowed = to.isBefore(from)
                ? receipt.drawn.entrySet().stream().allMatch(m -> lowest(m.getKey(), to, from)
                        .compareTo(m.getValue()[0]) >= 0)
                : !to.isAfter(from) || lowest(order.sku, from, to).compareTo(receipt.units) >= 0;
        if (!allowed) {
            expectError(response, 409, "insufficient_stock");
            return "refused receipt move";
        }
        response.expectStatus().isOk();
        receipt.drawn.forEach((material, drawn) -> {
            change(material, from, drawn[0]);
            change(material, to, drawn[0].negate());
        });
        change(order.sku, from, receipt.units.negate());
        change(order.sku, to, receipt.units);
        receipt.date = to;
        eventually().untilAsserted(() -> {
            for (LocalDate day : List.of(from, to)) {
                for (String item : dated.keySet()) {
                    String book = onHand.containsKey(item) ? "materials-inventory/summary?materialId="
                            : "fg-inventory/summary?skuId=";
                    assertThat(balance("/api/" + book + item + "&asOf=" + day).get("onHand"))
                            .as("on hand of %s as of %s", item, day).isEqualTo(plain(at(item, day)));
                }
            }
        });
        return from.equals(to) ? "receipt kept its date" : "receipt move";
    }

    private void change(String item, LocalDate day, BigDecimal delta) {
        dated.computeIfAbsent(item, i -> new TreeMap<>()).merge(day, delta, BigDecimal::add);
    }

    /** The item's on hand as of the day, in the model. */
    private BigDecimal at(String item, LocalDate day) {
        return dated.getOrDefault(item, new TreeMap<>()).headMap(day, true).values().stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The item's lowest on hand on any date from {@code start} up to (not including) {@code end}. */
    private BigDecimal lowest(String item, LocalDate start, LocalDate end) {
        BigDecimal lowest = at(item, start);
        for (LocalDate day : dated.getOrDefault(item, new TreeMap<>()).subMap(start, false, end, false).keySet()) {
            lowest = lowest.min(at(item, day));
        }
        return lowest;
    }

    /** Cancels an open order, or completes one partly or fully received: what it still holds is released. */
    private String close(String status) {
        List<Order> candidates = orders.stream().filter(o -> o.open() && (status.equals("Cancelled")
                ? !o.status.equals("Received") : !o.receipts.isEmpty())).toList();
        if (candidates.isEmpty()) {
            return place();
        }
        Order order = pick(candidates);
        patch(client, "/api/work-orders/" + order.id, body("status", status)).expectStatus().isOk();
        order.demand.replaceAll((material, quantity) -> BigDecimal.ZERO);
        order.allocated.replaceAll((material, quantity) -> BigDecimal.ZERO);
        order.status = status;
        return status;
    }

    private BigDecimal allocated(String material) {
        return orders.stream().map(o -> o.allocated.getOrDefault(material, BigDecimal.ZERO))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private BigDecimal demand(String material) {
        return orders.stream().map(o -> o.demand.getOrDefault(material, BigDecimal.ZERO))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private BigDecimal available(String material) {
        return onHand.get(material).subtract(allocated(material));
    }

    private void assertStockMatchesModel() {
        eventually().untilAsserted(() -> {
            for (String material : onHand.keySet()) {
                Map<String, String> balance = balance("/api/materials-inventory/summary?materialId=" + material);
                assertThat(balance).as("balances of %s", material).containsEntry("onHand", plain(onHand.get(material)))
                        .containsEntry("demand", plain(demand(material)))
                        .containsEntry("allocated", plain(allocated(material)));
                assertThat(allocated(material)).isLessThanOrEqualTo(onHand.get(material));
            }
            for (String sku : skuOnHand.keySet()) {
                assertThat(balance("/api/fg-inventory/summary?skuId=" + sku)).as("balances of %s", sku)
                        .containsEntry("onHand", plain(skuOnHand.get(sku)));
            }
            client.get().uri("/api/inventory/verify/work-orders").exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.pendingEntries").isEqualTo(0)
                    .jsonPath("$.differences.length()").isEqualTo(0);
            for (Order order : orders) {
                String answer = text(client.get().uri("/api/work-orders/" + order.id).exchange(), 200);
                assertThat((String) read(answer, "$.workOrder.status")).isEqualTo(order.status);
                List<String> materials = read(answer, "$.inputs[*].materialId");
                List<String> allocated = read(answer, "$.inputs[*].quantityAllocated");
                List<String> shortage = read(answer, "$.inputs[*].shortage");
                for (int i = 0; i < materials.size(); i++) {
                    assertThat(allocated.get(i)).isEqualTo(plain(order.allocated.get(materials.get(i))));
                    assertThat(shortage.get(i)).isEqualTo(plain(order.demand.get(materials.get(i))));
                }
            }
        });
    }

    /** The item's balances at the site, or zeros while it has none. */
    private Map<String, String> balance(String path) {
        String body = text(client.get().uri(path).exchange(), 200);
        List<Map<String, Object>> rows = read(body, "$.data");
        Map<String, String> balance = new TreeMap<>(Map.of("onHand", "0", "demand", "0", "allocated", "0"));
        if (!rows.isEmpty()) {
            List.of("onHand", "demand", "allocated").forEach(key -> balance.put(key, (String) rows.get(0).get(key)));
        }
        return balance;
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
