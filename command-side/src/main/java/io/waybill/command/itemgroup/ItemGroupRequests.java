package io.waybill.command.itemgroup;

import io.waybill.api.Change;
import io.waybill.api.DomainException;
import io.waybill.api.ErrorCode;
import io.waybill.api.LineStatus;
import io.waybill.api.itemgroup.ItemGroupDetails;
import io.waybill.api.itemgroup.ItemGroupPatch;
import io.waybill.api.itemgroup.SplitPart;
import io.waybill.platform.request.CheckedRequest;
import io.waybill.platform.request.Decimal;
import io.waybill.platform.request.Ids;
import io.waybill.platform.request.Name;
import io.waybill.platform.request.Problems;
import io.waybill.platform.request.Required;
import io.waybill.platform.request.Sid;
import io.waybill.platform.request.Values;
import io.waybill.platform.web.WholeNumbers;
import org.hibernate.validator.constraints.Range;
import org.openapitools.jackson.nullable.JsonNullable;
import tools.jackson.databind.node.StringNode;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.waybill.platform.request.Decimal.Sign.POSITIVE;
import static io.waybill.platform.request.Patches.change;

/** The bodies of the item-group endpoints, and {@code If-Match}. */
final class ItemGroupRequests {

    private ItemGroupRequests() {
    }

    /**
     * {@code POST /api/item-groups}: a lot of the item named by {@code itemId}, or by {@code itemUniqueName} within
     * the order named by {@code orderId} or {@code orderUniqueName}; {@code id} is the idempotency token.
     */
    record CreateItemGroupRequest(@Sid String id, @Sid String itemId, @Name String itemUniqueName,
                                  @Sid String orderId, @Name String orderUniqueName,
                                  @Required @Decimal(POSITIVE) BigDecimal quantity, @Name String trackingNumber,
                                  LocalDate dueDate, LocalDate shipDate, Boolean shipped, LocalDate deliveryDate,
                                  Boolean delivered, Instant lastUpdateDate, LocalDate estimatedArrivalDate,
                                  @Name String uniqueName, LineStatus status, @Ids(max = 10) List<String> eventRelations)
            implements CheckedRequest {

        @Override
        public void check(Problems problems) {
            if (Boolean.FALSE.equals(shipped) && Boolean.TRUE.equals(delivered)) {
                problems.reject("shipped", "cannot be false when delivered is true");
            }
            if (itemId == null && itemUniqueName == null) {
                problems.reject("itemId",
                        "an item is required: itemId, or itemUniqueName with orderId or orderUniqueName");
            }
        }

        ItemGroupDetails details() {
            return new ItemGroupDetails(uniqueName, quantity, dueDate, shipDate, deliveryDate,
                    Boolean.TRUE.equals(shipped), Boolean.TRUE.equals(delivered), trackingNumber, lastUpdateDate,
                    estimatedArrivalDate, status, eventRelations);
        }
    }

    /**
     * {@code PATCH /api/item-groups/{idOrUniqueName}}: a field left out stays, one set to null is removed;
     * {@code confirmed} re-confirms the dates, as of {@code lastUpdateDate} or else now.
     */
    record UpdateItemGroupRequest(@Decimal(POSITIVE) JsonNullable<BigDecimal> quantity,
                                  @Name JsonNullable<String> trackingNumber, JsonNullable<LocalDate> dueDate,
                                  JsonNullable<LocalDate> shipDate, JsonNullable<Boolean> shipped,
                                  JsonNullable<LocalDate> deliveryDate, JsonNullable<Boolean> delivered,
                                  JsonNullable<Instant> lastUpdateDate, JsonNullable<LocalDate> estimatedArrivalDate,
                                  @Name JsonNullable<String> uniqueName, JsonNullable<LineStatus> status,
                                  Boolean confirmed, @Ids(max = 10) JsonNullable<List<String>> eventRelations) {

        ItemGroupPatch patch(Clock clock) {
            boolean confirming = Boolean.TRUE.equals(confirmed);
            Change<Instant> lastUpdate = confirming && !lastUpdateDate.isPresent() ? Change.to(clock.instant())
                    : change(lastUpdateDate);
            return new ItemGroupPatch(change(quantity), change(trackingNumber), change(dueDate), change(shipDate),
                    change(shipped), change(deliveryDate), change(delivered), lastUpdate,
                    change(estimatedArrivalDate), change(uniqueName), change(status), confirming,
                    change(eventRelations));
        }
    }

    /** Which lot a row of {@code POST /api/item-groups/bulk-update} changes, at which version if it says. */
    record BulkRowTarget(@Required @Sid String id,
                         @Range(min = 0, max = Integer.MAX_VALUE, message = "must be between {min} and {max}")
                         Integer version) {

        static final Set<String> FIELDS = Set.of("id", "version");
    }

    /**
     * {@code POST /api/item-groups/{id}/split}: the lot keeps the first quantity, each further quantity becomes a
     * new lot, with the optional id and unique name at the same position (minus one) of the other arrays.
     */
    record SplitItemGroupRequest(@Required @Ids(max = 101) List<String> quantities,
                                 @Ids(max = 100) @Sid List<String> newIds,
                                 @Ids(max = 100) @Name List<String> newUniqueNames) implements CheckedRequest {

        @Override
        public void check(Problems problems) {
            if (quantities == null || problems.has("quantities")) {
                return;
            }
            if (quantities.size() < 2) {
                problems.reject("quantities", "must hold at least two quantities");
            } else if (!quantities.stream().allMatch(q -> Values.decimal(StringNode.valueOf(q), POSITIVE)
                    .problem() == null)) {
                problems.reject("quantities", "must hold decimals greater than zero, as strings");
            } else {
                int newCount = quantities.size() - 1;
                if (newIds != null && newIds.size() != newCount) {
                    problems.reject("newIds", "must hold one id per new item group (" + newCount + ")");
                }
                if (newUniqueNames != null && newUniqueNames.size() != newCount) {
                    problems.reject("newUniqueNames",
                            "must hold one unique name per new item group (" + newCount + ")");
                }
            }
        }

        BigDecimal kept() {
            return new BigDecimal(quantities.get(0));
        }

        List<SplitPart> newGroups() {
            List<SplitPart> parts = new ArrayList<>();
            for (int i = 1; i < quantities.size(); i++) {
                String sid = newIds != null ? newIds.get(i - 1) : UUID.randomUUID().toString();
                String name = newUniqueNames != null ? newUniqueNames.get(i - 1) : null;
                parts.add(new SplitPart(sid, new BigDecimal(quantities.get(i)), name));
            }
            return List.copyOf(parts);
        }
    }

    /** {@code POST /api/item-groups/combine}: the lots of one item, combined into the first one named. */
    record CombineItemGroupsRequest(@Required @Ids(max = 100) List<String> itemGroupIds) implements CheckedRequest {

        @Override
        public void check(Problems problems) {
            if (itemGroupIds != null && (itemGroupIds.size() < 2
                    || Set.copyOf(itemGroupIds).size() != itemGroupIds.size())) {
                problems.reject("itemGroupIds", "must name at least two different item groups");
            }
        }
    }

    /**
     * The version an {@code If-Match} header expects: a whole number, quoted or not; null without the header. A header
     * given empty is refused like any other that holds no version.
     */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        return WholeNumbers.nonNegative(value.replace("\"", "")).orElseThrow(() -> new DomainException(
                ErrorCode.VALIDATION_FAILED, "If-Match must hold the version, a whole number",
                Map.of("header", "If-Match")));
    }
}
