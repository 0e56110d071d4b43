package io.waybill.bench;

import java.util.ArrayList;
import java.util.List;

/** What the workloads need to exist before they run, made over the API like a client would. */
final class Fixtures {

    private final Api api;

    Fixtures(Api api) {
        this.api = api;
    }

    /** An order with one line; answers the line's sid, under which item groups are created. */
    String orderLine(String sid) {
        api.write("/api/orders", "{\"id\":\"" + sid + "\",\"vendorName\":\"Bench Vendor\"}");
        return api.write("/api/items", "{\"id\":\"" + sid + "-line\",\"orderId\":\"" + sid
                + "\",\"quantity\":\"1000000\"}").path("id").asString();
    }

    static String itemGroupBody(String sid, String itemSid) {
        return "{\"id\":\"" + sid + "\",\"itemId\":\"" + itemSid + "\",\"quantity\":\"10\",\"dueDate\":\"2026-12-01\"}";
    }

    String itemGroup(String sid, String itemSid) {
        return api.write("/api/item-groups", itemGroupBody(sid, itemSid)).path("id").asString();
    }

    /** {@code count} item groups under one line each of {@code lines} lines, created by as many threads. */
    List<List<String>> itemGroups(String prefix, int lines, int count) throws InterruptedException {
        List<List<String>> groups = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int l = 0; l < lines; l++) {
            List<String> mine = new ArrayList<>();
            groups.add(mine);
            String line = orderLine(prefix + "-order-" + l);
            int client = l;
            Thread thread = new Thread(() -> {
                for (int g = 0; g < count; g++) {
                    mine.add(itemGroup(prefix + "-" + client + "-" + g, line));
                }
            });
            thread.start();
            threads.add(thread);
            if (threads.size() >= 8) {
                threads.remove(0).join();
            }
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return groups;
    }

    /**
     * A purchase order {@code sid} of a million of a new material, placed, to {@code location}: answers the order's
     * id, its line's and the material's.
     */
    List<String> placedOrder(String sid, String location) {
        String vendor = api.write("/api/vendors", "{\"name\":\"" + sid + " vendor\"}").path("id").asString();
        String type = api.write("/api/material-types", "{\"name\":\"" + sid + " type\"}").path("id").asString();
        String material = api.write("/api/materials", "{\"code\":\"" + sid + "\",\"name\":\"" + sid
                + "\",\"typeId\":\"" + type + "\"}").path("id").asString();
        var order = api.write("/api/purchase-orders", "{\"id\":\"" + sid + "\",\"vendorId\":\"" + vendor
                + "\",\"targetType\":\"materials\",\"shipToLocationId\":\"" + location + "\",\"items\":[{"
                + "\"materialId\":\"" + material + "\",\"quantity\":\"1000000\"}]}");
        Api.Reply placed = api.patch("/api/purchase-orders/" + sid, "{\"status\":\"Placed\"}", null);
        if (!placed.ok()) {
            throw new IllegalStateException("placing " + sid + " answered " + placed.status() + ": " + placed.body());
        }
        return List.of(sid, order.path("items").path(0).path("id").asString(), material);
    }

    static String receiptBody(String receiptId, String lineId) {
        return "{\"id\":\"" + receiptId + "\",\"items\":[{\"purchaseOrderItemId\":\"" + lineId
                + "\",\"quantity\":\"1\"}]}";
    }

    String location(String name) {
        return api.write("/api/locations", "{\"name\":\"" + name + "\"}").path("id").asString();
    }

    /** A material of a new type, with {@code quantity} received at {@code location}. */
    String stockedMaterial(String code, String location, long quantity) {
        String type = api.write("/api/material-types", "{\"name\":\"" + code + " type\"}").path("id").asString();
        String material = api.write("/api/materials", "{\"code\":\"" + code + "\",\"name\":\"" + code
                + "\",\"typeId\":\"" + type + "\"}").path("id").asString();
        receive(material, location, quantity);
        return material;
    }

    Api.Reply receive(String material, String location, long quantity) {
        return api.post("/api/materials-inventory/ledger", "{\"eventType\":\"RECEIVE\",\"materialId\":\"" + material
                + "\",\"locationId\":\"" + location + "\",\"quantity\":\"" + quantity + "\"}");
    }
}
