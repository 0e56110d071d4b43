package io.waybill.command.itemgroup;

import io.waybill.platform.web.WholeNumbers;
import io.waybill.command.support.WriteSupport;
import io.waybill.api.Change;
import io.waybill.api.DomainException;
import io.waybill.api.ErrorCode;
import io.waybill.api.itemgroup.ItemGroupDetails;
import io.waybill.api.itemgroup.ItemGroupPatch;
import io.waybill.platform.web.JsonBody;

import java.time.Clock;
import java.util.Map;
import java.util.Set;

/** Reading item-group requests: the fields of a create and of a partial update, and {@code If-Match}. */
final class ItemGroupRequests {

    static final Set<String> PATCH_FIELDS = Set.of("quantity", "trackingNumber", "dueDate", "shipDate", "shipped",
            "deliveryDate", "delivered", "lastUpdateDate", "estimatedArrivalDate", "uniqueName", "status",
            "confirmed", "eventRelations");
    static final Set<String> CREATE_FIELDS = WriteSupport.with(Set.of("quantity", "trackingNumber", "dueDate",
                    "shipDate", "shipped", "deliveryDate", "delivered", "lastUpdateDate", "estimatedArrivalDate",
                    "uniqueName", "status", "eventRelations"), "sid", "itemSid", "itemUniqueName", "orderSid",
            "orderUniqueName");

    private ItemGroupRequests() {
    }

    static ItemGroupDetails details(JsonBody body) {
        Boolean shipped = body.bool("shipped");
        Boolean delivered = body.bool("delivered");
        if (Boolean.FALSE.equals(shipped) && Boolean.TRUE.equals(delivered)) {
            body.reject("shipped", "cannot be false when delivered is true");
        }
        return new ItemGroupDetails(body.name("uniqueName"), body.required("quantity", body.decimal("quantity", true)),
                body.date("dueDate"), body.date("shipDate"), body.date("deliveryDate"), Boolean.TRUE.equals(shipped),
                Boolean.TRUE.equals(delivered), body.name("trackingNumber"), body.instant("lastUpdateDate"),
                body.date("estimatedArrivalDate"), body.status("status"), body.ids("eventRelations", 10));
    }

    /** A partial update; confirming without a {@code lastUpdateDate} confirms as of now. */
    static ItemGroupPatch patch(JsonBody body, Clock clock) {
        boolean confirmed = Boolean.TRUE.equals(body.bool("confirmed"));
        var lastUpdateDate = body.change("lastUpdateDate", body::instant);
        if (confirmed && lastUpdateDate == null && !body.has("lastUpdateDate")) {
            lastUpdateDate = Change.to(clock.instant());
        }
        return new ItemGroupPatch(body.change("quantity", f -> body.decimal(f, true)),
                body.change("trackingNumber", body::name), body.change("dueDate", body::date),
                body.change("shipDate", body::date), body.change("shipped", body::bool),
                body.change("deliveryDate", body::date), body.change("delivered", body::bool), lastUpdateDate,
                body.change("estimatedArrivalDate", body::date), body.change("uniqueName", body::name),
                body.change("status", body::status), confirmed, body.change("eventRelations", f -> body.ids(f, 10)));
    }

    /** The version an {@code If-Match} header expects: a whole number, quoted or not. */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
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
