package io.waybill.launcher.api;

import io.waybill.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random purchase orders with a fixed seed: created, placed, received in parts (sometimes over, sometimes beyond
 * what a line expects and refused), receipts deleted, lines raised and lowered, cancelled, closed short. After each
 * step the service accepted or refused it as the independent model below says, and on order and on hand per material
 * and location in the inventory summary equal the model's, never below zero; at the end the drift check and the
 * purchase-order check find nothing. The size is {@code -Dwaybill.randomized.purchase-orders} (default 12 orders, a
 * few hundred steps).
 */
class PurchaseOrderRandomizedTest extends CatalogContractSupport {

    private static final String[] QUANTITIES = {"1", "2", "5", "8", "12.5", "40"};
    private final Random random = new Random(20261202L);
    private final List<Order> orders = new ArrayList<>();
    private final Map<String, Integer> accepted = new TreeMap<>();
    private WebTestClient client;
    private List<String> materials;
    private List<String> locations;
    private String vendor;

    /**
     * The model: an order's status and, per line (in the order they came, so that a seed replays the same steps),
     * its item, quantity and what receipts took in.
     */
    private static final class Order {
        final String id;
        final String location;
        final Map<String, Line> lines = new LinkedHashMap<>();
        String status = "Planning";
        boolean closed;
        boolean wentInTransit;
        final List<Receipt> receipts = new ArrayList<>();

        Order(String id, String location) {
            this.id = id;
            this.location = location;
        }

        /** Whether its lines can still change: not closed, received, paid or cancelled. */
        boolean open() {
            return !closed && !List.of("Received", "Paid", "Cancelled").contains(status);
        }

        boolean onOrder() {
            return !closed && (status.equals("Placed") || status.equals("In Transit") || status.equals("Partial"));
        }
    }

    private static final class Receipt {
        final String id;
        final String lineId;
        final BigDecimal quantity;
        boolean deleted;

        Receipt(String id, String lineId, BigDecimal quantity) {
            this.id = id;
            this.lineId = lineId;
            this.quantity = quantity;
        }
    }

    private static final class Line {
        final String item;
        BigDecimal quantity;
        BigDecimal received = BigDecimal.ZERO;

        Line(String item, BigDecimal quantity) {
            this.item = item;
            this.quantity = quantity;
        }

        BigDecimal expected() {
            return quantity.subtract(received).max(BigDecimal.ZERO);
        }
    }

    @Override
    protected Map<String, Object> database() {
        return TestDatabases.embedded();
    }

    @Test
    void onOrderAndOnHandFollowTheModelAfterEveryStep() {
        client = newOrg();
        vendor = create(client, "vendors", body("name", "Acme"));
        locations = List.of(create(client, "locations", body("name", "Dock A")),
                create(client, "locations", body("name", "Dock B")));
        String type = materialType(client, "Metals");
        materials = List.of(material(client, "M-1", "Steel", type), material(client, "M-2", "Bolt", type),
                material(client, "M-3", "Nut", type));
        int size = Integer.getInteger("waybill.randomized.purchase-orders", 12);
        int steps = 0;
        int refused = 0;
        for (int i = 0; i < size; i++) {
            createOrder();
            for (int k = 0; k < 20; k++) {
                Order order = random.nextInt(10) < 7 ? orders.get(orders.size() - 1)
                        : orders.get(random.nextInt(orders.size()));
                refused += step(order) ? 0 : 1;
                steps++;
                assertStockMatchesModel();
            }
        }
        client.get().uri("/api/inventory/verify").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.differences.length()").isEqualTo(0);
        client.get().uri("/api/inventory/verify/purchase-orders").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.checkedOrders").isEqualTo(size)
                .jsonPath("$.pendingEntries").isEqualTo(0)
                .jsonPath("$.differences.length()").isEqualTo(0);
        System.out.printf("PurchaseOrderRandomizedTest: %d orders, %d steps, %d refused, accepted %s%n", size, steps,
                refused, accepted);
        assertThat(refused).as("refused steps").isPositive();
        assertThat(accepted).as("accepted steps of each kind").containsKeys("Placed", "In Transit", "Cancelled",
                "receipt", "over-receipt", "line change", "close", "receipt deletion", "divide", "line cancel");
    }

    private void createOrder() {
        Order order = new Order(null, locations.get(random.nextInt(2)));
        List<Map<String, Object>> items = new ArrayList<>();
        List<String> lineItems = new ArrayList<>();
        for (String material : materials) {
            if (random.nextBoolean() || items.isEmpty()) {
                String quantity = QUANTITIES[random.nextInt(QUANTITIES.length)];
                items.add(body("materialId", material, "quantity", quantity));
                lineItems.add(material + "|" + quantity);
            }
        }
        String body = text(post(client, "/api/purchase-orders", body("vendorId", vendor, "targetType", "materials",
                "shipToLocationId", order.location, "items", items)), 201);
        Order created = new Order(read(body, "$.purchaseOrder.id"), order.location);
        List<String> lineIds = read(body, "$.items[*].id");
        for (int i = 0; i < lineIds.size(); i++) {
            String[] itemAndQuantity = lineItems.get(i).split("\\|");
            created.lines.put(lineIds.get(i), new Line(itemAndQuantity[0], new BigDecimal(itemAndQuantity[1])));
        }
        orders.add(created);
    }

    /** One random step on the order; false when the service refused it (as the model expected). */
    private boolean step(Order order) {
        int dice = random.nextInt(100);
        if (dice < 25) {
            return status(order, order.status.equals("Planning") ? "Placed" : "In Transit");
        }
        if (dice < 60) {
            return receive(order);
        }
        if (dice < 70) {
            return deleteReceipt(order);
        }
        if (dice < 82) {
            return changeLine(order);
        }
        if (dice < 86) {
            return divide(order);
        }
        if (dice < 90) {
            return cancelLine(order);
        }
        if (dice < 94) {
            return status(order, "Cancelled");
        }
        if (dice < 97) {
            return close(order);
        }
        return status(order, order.status.equals("Received") || order.closed ? "Paid" : "Received");
    }

    /** Closes the order short: what its lines still expect is no longer on order. */
    private boolean close(Order order) {
        var response = post(client, "/api/purchase-orders/" + order.id + "/close", Map.of());
        if (!order.closed && !order.onOrder()) {
            expectError(response, 409, "invalid_transition");
            return false;
        }
        response.expectStatus().isOk().expectBody().jsonPath("$.controls.closed.at").isNotEmpty();
        accepted.merge(order.closed ? "close again" : "close", 1, Integer::sum);
        order.closed = true;
        return true;
    }

    private boolean status(Order order, String next) {
        var response = patch(client, "/api/purchase-orders/" + order.id, body("status", next));
        if (next.equals(order.status)) {
            response.expectStatus().isOk();
            return true;
        }
        boolean allowed = order.closed ? next.equals("Paid") : switch (next) {
            case "Placed" -> order.status.equals("Planning");
            case "In Transit" -> order.status.equals("Placed");
            case "Cancelled" -> !List.of("Received", "Paid", "Cancelled").contains(order.status);
            case "Paid" -> order.status.equals("Received");
            default -> false;
        };
        if (!allowed) {
            expectError(response, 409, "invalid_transition");
            return false;
        }
        response.expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo(next);
        order.status = next;
        order.wentInTransit |= next.equals("In Transit");
        accepted.merge(next, 1, Integer::sum);
        return true;
    }

    private boolean receive(Order order) {
        String lineId = randomLine(order);
        Line line = order.lines.get(lineId);
        boolean over = random.nextInt(5) == 0;
        BigDecimal quantity = new BigDecimal(QUANTITIES[random.nextInt(QUANTITIES.length)]);
        var response = post(client, "/api/purchase-orders/" + order.id + "/receipts", body("allowOverReceipt", over,
                "items", List.of(body("purchaseOrderItemId", lineId, "quantity", quantity.toPlainString()))));
        if (!order.onOrder()) {
            expectError(response, 409, "invalid_transition");
            return false;
        }
        boolean beyond = quantity.compareTo(line.expected()) > 0;
        if (beyond && !over) {
            expectError(response, 400, "validation_failed");
            return false;
        }
        line.received = line.received.add(quantity);
        order.status = order.lines.values().stream().allMatch(l -> l.received.compareTo(l.quantity) >= 0)
                ? "Received" : "Partial";
        order.receipts.add(new Receipt(read(text(response, 201), "$.receipt.id"), lineId, quantity));
        accepted.merge(beyond ? "over-receipt" : "receipt", 1, Integer::sum);
        return true;
    }

    /**
     * Deletes one of the order's receipts: while it is Partial or Received and not closed, its line expects again
     * what it took in, and the order goes to where its other receipts leave it.
     */
    private boolean deleteReceipt(Order order) {
        if (order.receipts.isEmpty()) {
            return receive(order);
        }
        Receipt receipt = order.receipts.get(random.nextInt(order.receipts.size()));
        var response = client.delete().uri("/api/purchase-order-receipts/" + receipt.id).exchange();
        if (receipt.deleted) {
            expectError(response, 404, "not_found");
            return false;
        }
        if (order.closed || !List.of("Partial", "Received").contains(order.status)) {
            expectError(response, 409, "invalid_transition");
            return false;
        }
        response.expectStatus().isOk();
        receipt.deleted = true;
        Line line = order.lines.get(receipt.lineId);
        line.received = line.received.subtract(receipt.quantity);
        boolean any = order.lines.values().stream().anyMatch(l -> l.received.signum() > 0);
        order.status = order.lines.values().stream().allMatch(l -> l.received.compareTo(l.quantity) >= 0)
                ? "Received" : any ? "Partial" : order.wentInTransit ? "In Transit" : "Placed";
        accepted.merge("receipt deletion", 1, Integer::sum);
        return true;
    }

    private boolean changeLine(Order order) {
        String lineId = randomLine(order);
        Line line = order.lines.get(lineId);
        BigDecimal quantity = line.quantity.add(new BigDecimal(random.nextInt(11) - 5)).max(BigDecimal.ONE);
        var response = patch(client, "/api/purchase-order-items/" + lineId, body("quantity",
                quantity.toPlainString()));
        if (quantity.compareTo(line.quantity) == 0) {
            response.expectStatus().isOk();
            return true;
        }
        if (!order.open()) {
            expectError(response, 409, "invalid_transition");
            return false;
        }
        if (quantity.compareTo(line.received) < 0) {
            expectError(response, 400, "validation_failed");
            return false;
        }
        response.expectStatus().isOk();
        line.quantity = quantity;
        accepted.merge("line change", 1, Integer::sum);
        return true;
    }

    /** Divides a random part off a line (purchase event {@code divide}): a new line of the same item takes it. */
    private boolean divide(Order order) {
        String lineId = randomLine(order);
        Line line = order.lines.get(lineId);
        BigDecimal part = new BigDecimal(QUANTITIES[random.nextInt(QUANTITIES.length)]);
        var response = post(client, "/api/purchase-events", body("purchaseOrderItemIds", List.of(lineId),
                "eventType", "divide", "divideQuantity", part.toPlainString()));
        if (!order.open()) {
            expectError(response, 409, "invalid_transition");
            return false;
        }
        if (part.compareTo(line.quantity) >= 0 || part.compareTo(line.expected()) > 0) {
            expectError(response, 400, "validation_failed");
            return false;
        }
        line.quantity = line.quantity.subtract(part);
        order.lines.put(read(text(response, 201), "$.items[1].id"), new Line(line.item, part));
        accepted.merge("divide", 1, Integer::sum);
        return true;
    }

    /**
     * Cancels part or all of what a line still expects (purchase event {@code canceled}): the line orders that much
     * less; an order with receipts goes where they leave it.
     */
    private boolean cancelLine(Order order) {
        String lineId = randomLine(order);
        Line line = order.lines.get(lineId);
        BigDecimal given = random.nextBoolean() ? null : new BigDecimal(QUANTITIES[random.nextInt(QUANTITIES.length)]);
        var response = post(client, "/api/purchase-events", given == null
                ? body("purchaseOrderItemIds", List.of(lineId), "eventType", "canceled")
                : body("purchaseOrderItemIds", List.of(lineId), "eventType", "canceled", "quantity",
                given.toPlainString()));
        if (!order.open() || order.status.equals("Planning")) {
            expectError(response, 409, "invalid_transition");
            return false;
        }
        BigDecimal canceled = given == null ? line.expected() : given;
        if (canceled.signum() == 0 || canceled.compareTo(line.expected()) > 0) {
            expectError(response, 400, "validation_failed");
            return false;
        }
        response.expectStatus().isCreated();
        line.quantity = line.quantity.subtract(canceled);
        if (order.lines.values().stream().anyMatch(l -> l.received.signum() > 0)) {
            order.status = order.lines.values().stream().allMatch(l -> l.received.compareTo(l.quantity) >= 0)
                    ? "Received" : "Partial";
        }
        accepted.merge("line cancel", 1, Integer::sum);
        return true;
    }

    private String randomLine(Order order) {
        List<String> ids = new ArrayList<>(order.lines.keySet());
        return ids.get(random.nextInt(ids.size()));
    }

    /** On order and on hand per material and location, as the model says: the sums over the orders' lines. */
    private void assertStockMatchesModel() {
        Map<String, BigDecimal> onOrder = new TreeMap<>();
        Map<String, BigDecimal> onHand = new TreeMap<>();
        for (Order order : orders) {
            for (Line line : order.lines.values()) {
                String key = line.item + "@" + order.location;
                onHand.merge(key, line.received, BigDecimal::add);
                onOrder.merge(key, order.onOrder() ? line.expected() : BigDecimal.ZERO, BigDecimal::add);
            }
        }
        eventually().untilAsserted(() -> {
            Map<String, BigDecimal> servedOnOrder = new TreeMap<>();
            Map<String, BigDecimal> servedOnHand = new TreeMap<>();
            String summary = text(client.get().uri("/api/materials-inventory/summary").exchange(), 200);
            List<Map<String, Object>> rows = read(summary, "$.data");
            for (Map<String, Object> row : rows) {
                String key = row.get("materialId") + "@" + row.get("locationId");
                servedOnOrder.put(key, new BigDecimal((String) row.get("onOrder")));
                servedOnHand.put(key, new BigDecimal((String) row.get("onHand")));
            }
            assertThat(servedOnOrder.values()).allMatch(v -> v.signum() >= 0);
            assertThat(servedOnHand.values()).allMatch(v -> v.signum() >= 0);
            onOrder.forEach((key, value) -> assertThat(servedOnOrder.getOrDefault(key, BigDecimal.ZERO))
                    .as("on order of %s", key).isEqualByComparingTo(value));
            onHand.forEach((key, value) -> assertThat(servedOnHand.getOrDefault(key, BigDecimal.ZERO))
                    .as("on hand of %s", key).isEqualByComparingTo(value));
        });
    }
}
