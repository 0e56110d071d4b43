package io.waybill.command.order;

import io.waybill.api.order.OrderDetails;
import io.waybill.api.order.UpdateOrder;
import io.waybill.platform.request.CheckedRequest;
import io.waybill.platform.request.Ids;
import io.waybill.platform.request.Name;
import io.waybill.platform.request.Patches;
import io.waybill.platform.request.Problems;
import io.waybill.platform.request.Sid;
import io.waybill.platform.request.Text;
import org.openapitools.jackson.nullable.JsonNullable;

import java.util.List;

/** The bodies of the order endpoints. */
final class OrderRequests {

    private OrderRequests() {
    }

    /** {@code POST /api/orders}: {@code id} is the client's idempotency token. */
    record CreateOrderRequest(@Sid String id, @Name String vendorId, @Name String vendorName,
                              @Name String uniqueName, @Text(max = 1000) String title,
                              @Ids(max = 10) List<String> eventRelations) implements CheckedRequest {

        @Override
        public void check(Problems problems) {
            if (vendorId == null && vendorName == null) {
                problems.reject("vendorId", "at least one of vendorId and vendorName is required");
            }
        }

        OrderDetails details() {
            return new OrderDetails(vendorId, vendorName, uniqueName, title, eventRelations);
        }
    }

    /** {@code PATCH /api/orders/{idOrUniqueName}}: a field left out stays, one set to null is removed. */
    record UpdateOrderRequest(@Name JsonNullable<String> vendorId, @Name JsonNullable<String> vendorName,
                              @Name JsonNullable<String> uniqueName, @Text(max = 1000) JsonNullable<String> title,
                              @Ids(max = 10) JsonNullable<List<String>> eventRelations) {

        UpdateOrder command(String orderId, String orgId) {
            return new UpdateOrder(orderId, orgId, Patches.change(vendorId), Patches.change(vendorName),
                    Patches.change(uniqueName), Patches.change(title), Patches.change(eventRelations));
        }
    }
}
