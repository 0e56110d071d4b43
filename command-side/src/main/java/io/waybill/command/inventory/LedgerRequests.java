package io.waybill.command.inventory;

import io.waybill.api.inventory.EntryType;
import io.waybill.api.inventory.ItemKind;
import io.waybill.platform.request.Decimal;
import io.waybill.platform.request.Problems;
import io.waybill.platform.request.Required;
import io.waybill.platform.request.Sid;
import io.waybill.platform.request.Text;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;

import static io.waybill.platform.request.Decimal.Sign.NOT_NEGATIVE;
import static io.waybill.platform.request.Decimal.Sign.NOT_ZERO;
import static io.waybill.platform.request.Decimal.Sign.POSITIVE;

/**
 * The bodies of the ledger endpoints. The item is named by {@code materialId} in the materials inventory and by
 * {@code skuId} in the finished-goods inventory; {@code id} is the entry's idempotency token.
 */
final class LedgerRequests {

    static final int ID = 64;
    static final int NOTES = 2000;

    private LedgerRequests() {
    }

    /** What every movement says of the item, the entry and its date. */
    interface Movement {

        String id();

        String materialId();

        String skuId();

        BigDecimal unitCost();

        String notes();

        LocalDate eventDate();

        default String item(ItemKind kind) {
            return kind == ItemKind.SKU ? skuId() : materialId();
        }

        /** The field of the other inventory is unknown here; this inventory's is required. */
        default void checkItem(ItemKind kind, Problems problems) {
            String other = kind == ItemKind.SKU ? "materialId" : "skuId";
            if ((kind == ItemKind.SKU ? materialId() : skuId()) != null) {
                problems.reject(other, "unknown field");
            }
            if (item(kind) == null) {
                problems.reject(kind == ItemKind.SKU ? "skuId" : "materialId", "is required");
            }
        }
    }

    /** A movement of a type fixed by its endpoint, at one location. */
    interface LocationMovement extends Movement {

        String locationId();

        BigDecimal quantity();
    }

    /** {@code POST .../ledger}: a movement of any type but a reversal; only a TRANSFER has a destination. */
    record EntryRequest(@Sid String id, @Text(max = ID) String materialId, @Text(max = ID) String skuId,
                        @Required @Text(max = 32) String eventType, @Required @Text(max = ID) String locationId,
                        @Text(max = ID) String toLocationId, @Required @Decimal(NOT_ZERO) BigDecimal quantity,
                        @Decimal(NOT_NEGATIVE) BigDecimal unitCost, @Text(max = ID) String ref,
                        @Text(max = NOTES) String notes, LocalDate eventDate) implements Movement {

        /** The entry's type, if it is one this endpoint records for the item's kind. */
        EntryType type(ItemKind kind, Problems problems) {
            if (eventType == null) {
                return null;
            }
            try {
                EntryType type = EntryType.valueOf(eventType);
                if (type.isReversal()) {
                    problems.reject("eventType", "reversals are made with POST .../ledger/{id}/reverse");
                } else if (!type.appliesTo(kind)) {
                    problems.reject("eventType", "PRODUCE is only for finished goods (SKUs)");
                }
                checkFor(type, problems);
                return type;
            } catch (IllegalArgumentException e) {
                problems.reject("eventType", "must be one of " + Arrays.toString(EntryType.values()));
                return null;
            }
        }

        private void checkFor(EntryType type, Problems problems) {
            if (type != EntryType.ADJUST && quantity != null && quantity.signum() < 0) {
                problems.reject("quantity", "must be greater than zero");
            }
            if (type == EntryType.TRANSFER && toLocationId == null) {
                problems.reject("toLocationId", "is required");
            } else if (type != EntryType.TRANSFER && toLocationId != null) {
                problems.reject("toLocationId", "only a TRANSFER has a destination");
            }
            if (type == EntryType.TRANSFER && locationId != null && locationId.equals(toLocationId)) {
                problems.reject("toLocationId", "must differ from the source location");
            }
        }
    }

    /** {@code POST .../transfers}: out of the source into in-transit, completed later by its {@code ref}. */
    record TransferRequest(@Sid String id, @Text(max = ID) String materialId, @Text(max = ID) String skuId,
                           @Required @Text(max = ID) String sourceLocationId,
                           @Required @Text(max = ID) String destinationLocationId,
                           @Required @Decimal(POSITIVE) BigDecimal quantity,
                           @Decimal(NOT_NEGATIVE) BigDecimal unitCost, @Text(max = ID) String ref,
                           @Text(max = NOTES) String notes, LocalDate eventDate) implements Movement {

        void checkLocations(Problems problems) {
            if (sourceLocationId != null && sourceLocationId.equals(destinationLocationId)) {
                problems.reject("destinationLocationId", "must differ from the source location");
            }
        }
    }

    /** {@code POST .../adjustments}: a correction up or down, never zero. */
    record AdjustmentRequest(@Sid String id, @Text(max = ID) String materialId, @Text(max = ID) String skuId,
                             @Required @Text(max = ID) String locationId,
                             @Required @Decimal(NOT_ZERO) BigDecimal quantity,
                             @Decimal(NOT_NEGATIVE) BigDecimal unitCost, @Text(max = NOTES) String notes,
                             LocalDate eventDate) implements LocationMovement {
    }

    /** {@code POST .../disposals}: stock taken out of the books. */
    record DisposalRequest(@Sid String id, @Text(max = ID) String materialId, @Text(max = ID) String skuId,
                           @Required @Text(max = ID) String locationId, @Required @Decimal(POSITIVE) BigDecimal quantity,
                           @Decimal(NOT_NEGATIVE) BigDecimal unitCost, @Text(max = NOTES) String notes,
                           LocalDate eventDate) implements LocationMovement {
    }

    /** The body of a completion or a reversal, which may be left out: its own entry id, business date and notes. */
    record FollowUpRequest(@Sid String id, @Text(max = NOTES) String notes, LocalDate eventDate) {
    }
}
