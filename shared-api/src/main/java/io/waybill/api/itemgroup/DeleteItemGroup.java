package io.waybill.api.itemgroup;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deletes a lot; with {@code expectedVersion} set, a lot at another version refuses with a conflict. */
public record DeleteItemGroup(@TargetAggregateIdentifier String itemGroupSid, String orgId, Long expectedVersion) {
}
