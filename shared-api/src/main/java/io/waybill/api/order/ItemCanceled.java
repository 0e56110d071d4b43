package io.waybill.api.order;


public record ItemCanceled(String orderSid, String itemSid) implements OrderItemEvent {
}
