package io.waybill.api.order;

import io.waybill.api.Change;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;


public record UpdateOrder(@TargetAggregateIdentifier String orderSid, String orgId, Change<String> vendorSid, Change<String> vendorName, Change<String> uniqueName,
                          Change<String> title, Change<List<String>> eventRelations) {
}
