package io.waybill.api.itemgroup;

import io.waybill.api.Change;
import io.waybill.api.LineStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A partial update of a shipment lot: a null field is left as it is. {@code confirmed} re-confirms the dates
 * without changing them.
 */
public record ItemGroupPatch(Change<BigDecimal> quantity, Change<String> trackingNumber, Change<LocalDate> dueDate,
                             Change<LocalDate> shipDate, Change<Boolean> shipped, Change<LocalDate> deliveryDate,
                             Change<Boolean> delivered, Change<Instant> lastUpdateDate,
                             Change<LocalDate> estimatedArrivalDate, Change<String> uniqueName,
                             Change<LineStatus> status, boolean confirmed, Change<List<String>> eventRelations) {
}
