package io.waybill.api.order;

public record OrderCreated(String orderSid, String orgId, OrderDetails details) implements OrderEvent {
}
