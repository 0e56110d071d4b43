package io.waybill.api.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A ledger entry as the API shows it. Exactly one of {@code materialId} and {@code skuId} is set, after the
 * item's kind; {@code createdAt} is when it was recorded, {@code eventDate} the business date it counts on.
 * {@code reversedByEntryId} and {@code completedByEntryId} tell what happened to the entry since.
 */
public record LedgerEntryView(String id, String orgId, String code, ItemKind itemKind, String itemId,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String materialId,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String skuId,
                              String locationId, EntryType eventType, BigDecimal quantity, BigDecimal unitCost,
                              String ref, String toLocationId, String notes, LocalDate eventDate,
                              String sourceType, String sourceId, String reversesEntryId,
                              String reversedByEntryId, String completedByEntryId, String actor,
                              Instant createdAt) {

    public static LedgerEntryView of(String orgId, ItemKind kind, String itemId, LedgerEntry entry,
                                     String reversedBy, String completedBy, String actor, Instant createdAt) {
        return new LedgerEntryView(entry.id(), orgId, entry.code(), kind, itemId,
                kind == ItemKind.MATERIAL ? itemId : null, kind == ItemKind.SKU ? itemId : null,
                entry.locationId(), entry.type(), entry.quantity(), entry.unitCost(), entry.ref(),
                entry.toLocationId(), entry.notes(), entry.eventDate(), entry.sourceType(), entry.sourceId(),
                entry.reversesEntryId(), reversedBy, completedBy, actor, createdAt);
    }
}
