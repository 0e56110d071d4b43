package io.waybill.api.order;

import java.util.List;
/** The item's details after the change (status aside), and the names of the fields that changed. */
public record ItemDetailsChanged(String orderSid, String itemSid, ItemDetails details, List<String> changedFields) implements OrderItemEvent {
}
