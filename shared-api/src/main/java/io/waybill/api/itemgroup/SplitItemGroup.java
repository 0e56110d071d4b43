package io.waybill.api.itemgroup;

import io.waybill.api.RecordStreams;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.util.List;

/**
 * Divides a lot: it keeps {@code keptQuantity} and each new lot takes its part; together they must add up to the
 * lot's quantity.
 */
public record SplitItemGroup(String itemGroupSid, String orgId, Long expectedVersion,
                             BigDecimal keptQuantity, List<SplitPart> newGroups) {

    /** The stream of the {@link RecordStreams record} the command is for. */
    @TargetAggregateIdentifier
    public String streamId() {
        return RecordStreams.of(orgId, itemGroupSid);
    }
}
