package io.waybill.api.order;

/** What happens to an order and its items. Stored history: never rename or move one of these. */
public sealed interface OrderEvent permits OrderCreated, OrderDetailsChanged, OrderDeleted, OrderItemEvent {

    String orderSid();
}
