package io.waybill.api.order;


public record ItemDeleted(String orderSid, String itemSid) implements OrderItemEvent {
}
