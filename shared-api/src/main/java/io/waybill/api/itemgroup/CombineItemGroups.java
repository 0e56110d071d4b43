package io.waybill.api.itemgroup;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Combines other lots of the same item into this one. */
public record CombineItemGroups(@TargetAggregateIdentifier String itemGroupSid, String orgId, List<String> sourceItemGroupSids) {
}
