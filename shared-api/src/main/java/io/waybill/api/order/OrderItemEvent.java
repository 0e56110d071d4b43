package io.waybill.api.order;

/** What happens to one line of an order. */
public sealed interface OrderItemEvent extends OrderEvent permits ItemAdded, ItemDetailsChanged, ItemCanceled,
        ItemReactivated, ItemDeleted {

    String itemSid();
}
