package io.waybill.api.order;


public record ItemReactivated(String orderSid, String itemSid) implements OrderItemEvent {
}
