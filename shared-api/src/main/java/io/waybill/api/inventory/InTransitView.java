package io.waybill.api.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A transfer on its way: left {@code fromLocationId}, neither completed at {@code toLocationId} nor reversed.
 * {@code quantity} is what is in transit (positive). Its age is counted from its event date in whole days and from
 * the time it was recorded in seconds, as of the moment of the answer.
 */
public record InTransitView(String entryId, String code, ItemKind itemKind, String itemId, String ref,
                            String fromLocationId, String toLocationId, BigDecimal quantity, LocalDate eventDate,
                            Instant createdAt, String actor, long ageDays, long ageSeconds) {
}
