package io.waybill.api.itemgroup;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Updates a lot; with {@code expectedVersion} set, a lot at another version refuses with a conflict. */
public record UpdateItemGroup(@TargetAggregateIdentifier String itemGroupSid, String orgId, Long expectedVersion, ItemGroupPatch patch) {
}
