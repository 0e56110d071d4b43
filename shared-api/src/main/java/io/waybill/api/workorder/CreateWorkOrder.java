package io.waybill.api.workorder;

import io.waybill.api.CreationCommand;
import io.waybill.api.RecordStreams;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates a work order (Draft unless {@code status} says Entered or Placed), or answers the existing one when the same id comes with the same body. */
public record CreateWorkOrder(String workOrderId, String orgId, WorkOrderStatus status, WorkOrderDetails details, List<WorkOrderLine> items) implements CreationCommand {

    public CreateWorkOrder {
        items = List.copyOf(items);
    }

    /** The stream of the {@link RecordStreams record} the command is for. */
    @TargetAggregateIdentifier
    public String streamId() {
        return RecordStreams.of(orgId, workOrderId);
    }
}
