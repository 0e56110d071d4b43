package io.waybill.api.order;


public record ItemAdded(String orderSid, String itemSid, ItemDetails details) implements OrderItemEvent {
}
