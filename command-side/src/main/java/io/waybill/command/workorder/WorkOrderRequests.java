package io.waybill.command.workorder;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.waybill.api.workorder.WorkOrderDetails;
import io.waybill.api.workorder.WorkOrderPatch;
import io.waybill.api.workorder.WorkOrderReceiptLine;
import io.waybill.api.workorder.WorkOrderStatus;
import io.waybill.platform.request.CheckedRequest;
import io.waybill.platform.request.Decimal;
import io.waybill.platform.request.JsonRequests;
import io.waybill.platform.request.Problems;
import io.waybill.platform.request.Required;
import io.waybill.platform.request.Sid;
import io.waybill.platform.request.Text;
import org.openapitools.jackson.nullable.JsonNullable;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static io.waybill.platform.request.Decimal.Sign.NOT_NEGATIVE;
import static io.waybill.platform.request.Decimal.Sign.POSITIVE;
import static io.waybill.platform.request.Patches.change;

/** The bodies of the work-order endpoints. */
final class WorkOrderRequests {

    static final int MAX_ITEMS = 200;
    static final int NOTES = 4000;

    private WorkOrderRequests() {
    }

    /**
     * {@code POST /api/work-orders}: {@code id} is the idempotency token; {@code status} Draft (the default),
     * Entered or Placed; {@code items} is read line by line ({@link #lines}).
     */
    record CreateWorkOrderRequest(@Sid String id, WorkOrderStatus status, @Required @Sid String workSiteLocationId,
                                  LocalDate orderDate, LocalDate expectedDeliveryDate,
                                  @Text(max = NOTES) String notes,
                                  @ArraySchema(schema = @Schema(implementation = WorkOrderLineRequest.class))
                                  JsonNode items) implements CheckedRequest {

        @Override
        public void check(Problems problems) {
            if (status != null && status != WorkOrderStatus.DRAFT && status != WorkOrderStatus.ENTERED
                    && status != WorkOrderStatus.PLACED) {
                problems.reject("status", "a work order is created Draft, Entered or Placed");
            }
        }

        WorkOrderStatus initial() {
            return status == null ? WorkOrderStatus.DRAFT : status;
        }

        WorkOrderDetails details() {
            return new WorkOrderDetails(workSiteLocationId, orderDate, expectedDeliveryDate, notes);
        }
    }

    /** A line: the SKU to make, how many (at least 1), and what making one costs beyond its materials. */
    record WorkOrderLineRequest(@Sid String id, @Required @Sid String skuId,
                                @Required @Decimal(POSITIVE) BigDecimal quantity,
                                @Decimal(NOT_NEGATIVE) BigDecimal conversionCost) implements CheckedRequest {

        @Override
        public void check(Problems problems) {
            requireOne(quantity, problems);
        }
    }

    /** {@code PATCH /api/work-order-items/{id}}: a field left out stays; only the conversion cost can be removed. */
    record WorkOrderUpdateLineRequest(@Sid String skuId, @Decimal(POSITIVE) BigDecimal quantity,
                                      @Decimal(NOT_NEGATIVE) JsonNullable<BigDecimal> conversionCost)
            implements CheckedRequest {

        @Override
        public void check(Problems problems) {
            requireOne(quantity, problems);
        }
    }

    /**
     * {@code PATCH /api/work-orders/{id}}: a field left out stays, one set to null is removed (not the work site);
     * {@code status} moves the order on, and the stamp of that status ({@code placedAt}, ...) may say when.
     */
    record UpdateWorkOrderRequest(@Sid JsonNullable<String> workSiteLocationId, JsonNullable<LocalDate> orderDate,
                                  JsonNullable<LocalDate> expectedDeliveryDate,
                                  @Text(max = NOTES) JsonNullable<String> notes, WorkOrderStatus status,
                                  Instant draftAt, Instant enteredAt, Instant placedAt, Instant productionStartedAt,
                                  Instant inTransitAt, Instant completedAt, Instant cancelledAt)
            implements CheckedRequest {

        @Override
        public void check(Problems problems) {
            if (workSiteLocationId.isPresent() && workSiteLocationId.get() == null) {
                problems.reject("workSiteLocationId", "cannot be removed");
            }
            if (status == WorkOrderStatus.PARTIAL || status == WorkOrderStatus.RECEIVED) {
                problems.reject("status", "Partial and Received follow from receipts");
            }
            stamps().forEach((field, stamp) -> {
                if (stamp != null && (status == null || !field.equals(status.stampField()))) {
                    problems.reject(field, "can only be given with the status it stamps");
                }
            });
        }

        private Map<String, Instant> stamps() {
            Map<String, Instant> stamps = new LinkedHashMap<>();
            stamps.put("draftAt", draftAt);
            stamps.put("enteredAt", enteredAt);
            stamps.put("placedAt", placedAt);
            stamps.put("productionStartedAt", productionStartedAt);
            stamps.put("inTransitAt", inTransitAt);
            stamps.put("completedAt", completedAt);
            stamps.put("cancelledAt", cancelledAt);
            return stamps;
        }

        WorkOrderPatch patch() {
            Instant statusAt = stamps().values().stream().filter(Objects::nonNull).findFirst().orElse(null);
            return new WorkOrderPatch(change(workSiteLocationId), change(orderDate), change(expectedDeliveryDate),
                    change(notes), status, statusAt);
        }
    }

    /**
     * {@code POST /api/work-orders/{id}/receipts}: {@code receiptDate} defaults to today (UTC); {@code items} is read
     * line by line ({@link #receiptLines}); {@code id} is the idempotency token.
     */
    record WorkOrderReceiptRequest(@Sid String id, LocalDate receiptDate, @Text(max = NOTES) String notes,
                                   @ArraySchema(schema = @Schema(implementation = WorkOrderReceiptLineRequest.class))
                                   JsonNode items) {
    }

    /** A change of a receipt: its notes, its date (which moves the entries it posted to that date). */
    record WorkOrderUpdateReceiptRequest(@Text(max = NOTES) JsonNullable<String> notes, LocalDate receiptDate) {
    }

    /** A line of a receipt: which line of the order, how many units were made. */
    record WorkOrderReceiptLineRequest(@Required @Sid String workOrderItemId,
                                       @Required @Decimal(POSITIVE) BigDecimal quantity) {
    }

    /** The lines of a receipt, 1 to {@link #MAX_ITEMS}; what is wrong with one is told under {@code items[i]}. */
    static List<WorkOrderReceiptLine> receiptLines(JsonRequests requests, JsonNode items, Problems problems) {
        if (items == null || !items.isArray() || items.isEmpty() || items.size() > MAX_ITEMS) {
            problems.reject("items", "must be an array of 1 to " + MAX_ITEMS + " lines");
            return List.of();
        }
        List<WorkOrderReceiptLine> lines = new ArrayList<>();
        requests.readEach(items, "items", WorkOrderReceiptLineRequest.class, "{workOrderItemId, quantity}", problems,
                (place, line) -> lines.add(new WorkOrderReceiptLine(line.workOrderItemId(), line.quantity())));
        return List.copyOf(lines);
    }

    /** The lines of a create, at most {@link #MAX_ITEMS}, each id once; what is wrong is told under {@code items[i]}. */
    static List<WorkOrderLineRequest> lines(JsonRequests requests, JsonNode items, Problems problems) {
        if (items == null || !items.isArray() || items.size() > MAX_ITEMS) {
            problems.reject("items", "must be an array of at most " + MAX_ITEMS + " lines");
            return List.of();
        }
        List<WorkOrderLineRequest> lines = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        requests.readEach(items, "items", WorkOrderLineRequest.class, "{skuId, quantity, conversionCost}", problems,
                (place, line) -> {
                    if (line.id() != null && !ids.add(line.id())) {
                        problems.reject(place, "line id " + line.id() + " is given more than once");
                    } else {
                        lines.add(line);
                    }
                });
        return List.copyOf(lines);
    }

    private static void requireOne(BigDecimal quantity, Problems problems) {
        if (quantity != null && quantity.compareTo(BigDecimal.ONE) < 0) {
            problems.reject("quantity", "must be at least 1");
        }
    }
}
