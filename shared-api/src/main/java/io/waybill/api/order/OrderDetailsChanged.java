package io.waybill.api.order;

import java.util.List;
/** The order's details after the change, and the names of the fields that changed. */
public record OrderDetailsChanged(String orderSid, OrderDetails details, List<String> changedFields) implements OrderEvent {
}
