package io.waybill.api.order;


public record OrderDeleted(String orderSid) implements OrderEvent {
}
