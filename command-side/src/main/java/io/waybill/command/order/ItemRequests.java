package io.waybill.command.order;

import io.waybill.api.LineStatus;
import io.waybill.api.order.ItemDetails;
import io.waybill.api.order.ItemPatch;
import io.waybill.platform.request.CheckedRequest;
import io.waybill.platform.request.Decimal;
import io.waybill.platform.request.Ids;
import io.waybill.platform.request.Name;
import io.waybill.platform.request.Problems;
import io.waybill.platform.request.Required;
import io.waybill.platform.request.Sid;
import io.waybill.platform.request.Text;
import org.hibernate.validator.constraints.Range;
import org.openapitools.jackson.nullable.JsonNullable;

import java.math.BigDecimal;
import java.util.List;

import static io.waybill.platform.request.Decimal.Sign.NOT_NEGATIVE;
import static io.waybill.platform.request.Decimal.Sign.POSITIVE;
import static io.waybill.platform.request.Patches.change;

/** The bodies of the order line endpoints. */
final class ItemRequests {

    static final int MAX_DAYS = 36_500;
    private static final String RANGE = "must be between {min} and {max}";

    private ItemRequests() {
    }

    /** {@code POST /api/items}: a line of the order named by id or unique name; {@code id} is the idempotency token. */
    record CreateItemRequest(@Sid String id, @Sid String orderId, @Name String orderUniqueName,
                             @Name String uniqueName, @Text(max = 1000) String title, LineStatus status,
                             @Required @Decimal(POSITIVE) BigDecimal quantity,
                             @Decimal(NOT_NEGATIVE) BigDecimal pricePerUnit,
                             @Decimal(NOT_NEGATIVE) BigDecimal nonRecurringCost,
                             @Range(min = 0, max = MAX_DAYS, message = RANGE) Integer leadTime,
                             @Range(min = 0, max = MAX_DAYS, message = RANGE) Integer shipTime,
                             @Range(min = 0, max = Integer.MAX_VALUE, message = RANGE) Integer lineNumber,
                             @Text(max = 4000) String description, @Name String manufacturerPartNumber,
                             @Name String revision, @Ids(max = 10) List<String> eventRelations)
            implements CheckedRequest {

        @Override
        public void check(Problems problems) {
            if (orderId == null && orderUniqueName == null) {
                problems.reject("orderId", "at least one of orderId and orderUniqueName is required");
            }
        }

        ItemDetails details() {
            return new ItemDetails(uniqueName, title, status, quantity, pricePerUnit, nonRecurringCost, leadTime,
                    shipTime, lineNumber, description, manufacturerPartNumber, revision, eventRelations);
        }
    }

    /** {@code PATCH /api/items/{idOrUniqueName}}: a field left out stays, one set to null is removed. */
    record UpdateItemRequest(@Name JsonNullable<String> uniqueName, @Text(max = 1000) JsonNullable<String> title,
                             JsonNullable<LineStatus> status, @Decimal(POSITIVE) JsonNullable<BigDecimal> quantity,
                             @Decimal(NOT_NEGATIVE) JsonNullable<BigDecimal> pricePerUnit,
                             @Decimal(NOT_NEGATIVE) JsonNullable<BigDecimal> nonRecurringCost,
                             @Range(min = 0, max = MAX_DAYS, message = RANGE) JsonNullable<Integer> leadTime,
                             @Range(min = 0, max = MAX_DAYS, message = RANGE) JsonNullable<Integer> shipTime,
                             @Range(min = 0, max = Integer.MAX_VALUE, message = RANGE) JsonNullable<Integer> lineNumber,
                             @Text(max = 4000) JsonNullable<String> description,
                             @Name JsonNullable<String> manufacturerPartNumber, @Name JsonNullable<String> revision,
                             @Ids(max = 10) JsonNullable<List<String>> eventRelations) {

        ItemPatch patch() {
            return new ItemPatch(change(uniqueName), change(title), change(status), change(quantity),
                    change(pricePerUnit), change(nonRecurringCost), change(leadTime), change(shipTime),
                    change(lineNumber), change(description), change(manufacturerPartNumber), change(revision),
                    change(eventRelations));
        }
    }
}
