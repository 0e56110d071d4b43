package io.waybill.command.purchaseorder;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.waybill.api.purchaseorder.PurchaseOrderDetails;
import io.waybill.api.purchaseorder.PurchaseOrderLine;
import io.waybill.api.purchaseorder.PurchaseOrderPatch;
import io.waybill.api.purchaseorder.PurchaseOrderStatus;
import io.waybill.api.purchaseorder.ReceiptLine;
import io.waybill.api.purchaseorder.TargetType;
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
import java.util.Set;
import java.util.UUID;

import static io.waybill.platform.request.Decimal.Sign.NOT_NEGATIVE;
import static io.waybill.platform.request.Decimal.Sign.POSITIVE;
import static io.waybill.platform.request.Patches.change;

/** The bodies of the purchase-order endpoints. */
final class PurchaseOrderRequests {

    static final int MAX_ITEMS = 500;
    static final int NOTES = 4000;

    private PurchaseOrderRequests() {
    }

    /**
     * {@code POST /api/purchase-orders}: {@code id} is the idempotency token; {@code items} is read line by line
     * (see {@link #lines}).
     */
    record CreatePurchaseOrderRequest(@Sid String id, @Required @Sid String vendorId, @Required TargetType targetType,
                                      @Sid String shipToLocationId, LocalDate expectedDeliveryDate,
                                      LocalDate shipDate, @Decimal(NOT_NEGATIVE) BigDecimal shippingCosts,
                                      @Decimal(NOT_NEGATIVE) BigDecimal setupCosts,
                                      @Decimal(NOT_NEGATIVE) BigDecimal otherCosts, @Text(max = NOTES) String notes,
                                      @ArraySchema(schema = @Schema(implementation = PurchaseOrderLineRequest.class))
                                      JsonNode items) {

        PurchaseOrderDetails details() {
            return new PurchaseOrderDetails(vendorId, shipToLocationId, expectedDeliveryDate, shipDate,
                    shippingCosts, setupCosts, otherCosts, notes);
        }
    }

    /** A line: {@code materialId} or {@code skuId} by the order's target type; {@code id} is optional. */
    record PurchaseOrderLineRequest(@Sid String id, @Sid String materialId, @Sid String skuId,
                                    @Required @Decimal(POSITIVE) BigDecimal quantity,
                                    @Decimal(NOT_NEGATIVE) BigDecimal unitCost) implements CheckedRequest {

        @Override
        public void check(Problems problems) {
            if ((materialId == null) == (skuId == null)) {
                problems.reject("materialId", "exactly one of materialId and skuId is required");
            }
        }

        TargetType named() {
            return materialId != null ? TargetType.MATERIALS : TargetType.FINISHED_GOODS;
        }

        PurchaseOrderLine line() {
            return new PurchaseOrderLine(id == null ? UUID.randomUUID().toString() : id,
                    materialId != null ? materialId : skuId, quantity, unitCost);
        }
    }

    /** {@code PATCH /api/purchase-order-items/{id}}: a field left out stays; only the unit cost can be removed. */
    record PurchaseOrderUpdateLineRequest(@Sid String materialId, @Sid String skuId,
                                          @Decimal(POSITIVE) BigDecimal quantity,
                                          @Decimal(NOT_NEGATIVE) JsonNullable<BigDecimal> unitCost)
            implements CheckedRequest {

        @Override
        public void check(Problems problems) {
            if (materialId != null && skuId != null) {
                problems.reject("materialId", "at most one of materialId and skuId");
            }
        }

        String itemId() {
            return materialId != null ? materialId : skuId;
        }

        TargetType named() {
            return materialId != null ? TargetType.MATERIALS : skuId != null ? TargetType.FINISHED_GOODS : null;
        }
    }

    /**
     * {@code PATCH /api/purchase-orders/{id}}: a field left out stays, one set to null is removed; {@code status}
     * moves the order on, and the stamp of that status ({@code placedAt}, ...) may say when it happened.
     */
    record UpdatePurchaseOrderRequest(@Sid JsonNullable<String> vendorId, @Sid JsonNullable<String> shipToLocationId,
                                      JsonNullable<LocalDate> expectedDeliveryDate, JsonNullable<LocalDate> shipDate,
                                      @Decimal(NOT_NEGATIVE) JsonNullable<BigDecimal> shippingCosts,
                                      @Decimal(NOT_NEGATIVE) JsonNullable<BigDecimal> setupCosts,
                                      @Decimal(NOT_NEGATIVE) JsonNullable<BigDecimal> otherCosts,
                                      @Text(max = NOTES) JsonNullable<String> notes, PurchaseOrderStatus status,
                                      Instant placedAt, Instant inTransitAt, Instant paidAt, Instant cancelledAt)
            implements CheckedRequest {

        @Override
        public void check(Problems problems) {
            if (vendorId.isPresent() && vendorId.get() == null) {
                problems.reject("vendorId", "cannot be removed");
            }
            stamps().forEach((field, stamp) -> {
                if (stamp != null && (status == null || !field.equals(status.stampField()))) {
                    problems.reject(field, "can only be given with the status it stamps");
                }
            });
        }

        private Map<String, Instant> stamps() {
            Map<String, Instant> stamps = new LinkedHashMap<>();
            stamps.put("placedAt", placedAt);
            stamps.put("inTransitAt", inTransitAt);
            stamps.put("paidAt", paidAt);
            stamps.put("cancelledAt", cancelledAt);
            return stamps;
        }

        PurchaseOrderPatch patch() {
            Instant statusAt = stamps().values().stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
            return new PurchaseOrderPatch(change(vendorId), change(shipToLocationId), change(expectedDeliveryDate),
                    change(shipDate), change(shippingCosts), change(setupCosts), change(otherCosts), change(notes),
                    status, statusAt);
        }
    }

    /**
     * {@code POST /api/purchase-orders/{id}/receipts}: {@code receiptDate} defaults to today, {@code locationId} (a
     * catalog location) to the order's ship-to location; {@code items} is read
     * line by line ({@link #receiptLines}); {@code id} is the idempotency token.
     */
    record PurchaseOrderReceiptRequest(@Sid String id, LocalDate receiptDate, @Sid String locationId,
                                       @Text(max = NOTES) String notes, Boolean allowOverReceipt,
                                       @ArraySchema(schema = @Schema(implementation =
                                               PurchaseOrderReceiptLineRequest.class)) JsonNode items) {
    }

    /**
     * A change of a receipt: its notes. Its date is fixed by the entries it posted (they are dated with it), so a
     * receipt with a wrong date is deleted and taken in again.
     */
    record PurchaseOrderUpdateReceiptRequest(@Text(max = NOTES) JsonNullable<String> notes, LocalDate receiptDate)
            implements CheckedRequest {

        @Override
        public void check(Problems problems) {
            if (receiptDate != null) {
                problems.reject("receiptDate", "cannot change: the receipt's entries are dated with it; delete the "
                        + "receipt and take it in again");
            }
        }
    }

    /** A line of a receipt: which line of the order, how much came. */
    record PurchaseOrderReceiptLineRequest(@Required @Sid String purchaseOrderItemId,
                                           @Required @Decimal(POSITIVE) BigDecimal quantity) {
    }

    /** The lines of a receipt, 1 to {@link #MAX_ITEMS}; what is wrong with one is told under {@code items[i]}. */
    static List<ReceiptLine> receiptLines(JsonRequests requests, JsonNode items, Problems problems) {
        if (items == null || !items.isArray() || items.isEmpty() || items.size() > MAX_ITEMS) {
            problems.reject("items", "must be an array of 1 to " + MAX_ITEMS + " lines");
            return List.of();
        }
        List<ReceiptLine> lines = new ArrayList<>();
        requests.readEach(items, "items", PurchaseOrderReceiptLineRequest.class, "{purchaseOrderItemId, quantity}",
                problems, (place, line) -> lines.add(new ReceiptLine(line.purchaseOrderItemId(), line.quantity())));
        return List.copyOf(lines);
    }

    /**
     * The lines of a create, at most {@link #MAX_ITEMS}, each of the order's target type and each id once; what is
     * wrong with a line is told under {@code items[i]}.
     */
    static List<PurchaseOrderLine> lines(JsonRequests requests, JsonNode items, TargetType type, Problems problems) {
        if (items == null || !items.isArray() || items.size() > MAX_ITEMS) {
            problems.reject("items", "must be an array of at most " + MAX_ITEMS + " lines");
            return List.of();
        }
        List<PurchaseOrderLine> lines = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        requests.readEach(items, "items", PurchaseOrderLineRequest.class, "{materialId or skuId, quantity, unitCost}",
                problems, (place, line) -> {
                    if (type != null && line.named() != type) {
                        problems.reject(place, "a purchase order of " + type.value() + " names its items by "
                                + type.itemField());
                    } else if (line.id() != null && !ids.add(line.id())) {
                        problems.reject(place, "line id " + line.id() + " is given more than once");
                    } else {
                        lines.add(line.line());
                    }
                });
        return List.copyOf(lines);
    }
}
