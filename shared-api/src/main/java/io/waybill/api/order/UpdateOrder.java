package io.waybill.api.order;

import io.waybill.api.Change;
import io.waybill.api.RecordStreams;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;


public record UpdateOrder(String orderSid, String orgId, Change<String> vendorSid, Change<String> vendorName, Change<String> uniqueName,
                          Change<String> title, Change<List<String>> eventRelations) {

    /** The stream of the {@link RecordStreams record} the command is for. */
    @TargetAggregateIdentifier
    public String streamId() {
        return RecordStreams.of(orgId, orderSid);
    }
}
