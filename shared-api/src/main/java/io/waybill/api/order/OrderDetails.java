package io.waybill.api.order;

import java.util.List;

/** The fields of an order that a caller sets. */
public record OrderDetails(String vendorSid, String vendorName, String uniqueName, String title,
                           List<String> eventRelations) {

    public OrderDetails {
        eventRelations = eventRelations == null ? List.of() : List.copyOf(eventRelations);
    }
}
