package io.waybill.command.inventory;

import io.waybill.api.DomainException;
import io.waybill.api.inventory.EntryType;
import io.waybill.api.inventory.ItemKind;
import io.waybill.api.inventory.LedgerId;
import io.waybill.api.inventory.RecordLedgerEntry;
import io.waybill.command.registry.EntityRegistry;
import io.waybill.platform.web.JsonBody;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

/** Reads ledger write requests into commands, and finds the ledger an entry id or a transfer ref belongs to. */
@Component
class LedgerEntryRequests {

    private static final int MAX_NOTES = 2000;
    private final Clock clock;
    private final LedgerBook book;
    private final EntityRegistry registry;

    LedgerEntryRequests(Clock clock, LedgerBook book, EntityRegistry registry) {
        this.clock = clock;
        this.book = book;
        this.registry = registry;
    }

    /** What a completion or a reversal may say: its own entry id, business date and notes. */
    record FollowUp(String entryId, LocalDate eventDate, String notes) {
    }

    RecordLedgerEntry entry(String orgId, JsonBody body, ItemKind kind, EntryType type, String locationField, String to,
                            BigDecimal quantity, String ref) {
        String itemField = InventoryCommandController.itemField(kind);
        String item = body.required(itemField, body.string(itemField, 64));
        String location = body.required(locationField, body.string(locationField, 64));
        body.required("quantity", quantity);
        BigDecimal unitCost = body.decimal("unitCost", false);
        if (location != null && location.equals(to)) {
            body.reject("destinationLocationId", "must differ from the source location");
        }
        FollowUp followUp = followUp(body);
        return new RecordLedgerEntry(item == null ? null : LedgerId.of(item), orgId, kind, item,
                followUp.entryId(), type, location, to, quantity, unitCost, ref, followUp.notes(),
                followUp.eventDate(), null, null);
    }

    FollowUp followUp(JsonBody body) {
        String id = body.sid("id");
        String notes = body.string("notes", MAX_NOTES);
        LocalDate eventDate = body.date("eventDate");
        LocalDate today = LocalDate.now(clock);
        if (eventDate != null && eventDate.isAfter(today.plusDays(1))) {
            body.reject("eventDate", "must not be in the future");
        }
        body.validate();
        return new FollowUp(id == null ? UUID.randomUUID().toString() : id, eventDate == null ? today : eventDate,
                notes);
    }

    EntryType movementType(JsonBody body, ItemKind kind) {
        String text = body.required("eventType", body.string("eventType", 32));
        if (text == null) {
            return null;
        }
        try {
            EntryType type = EntryType.valueOf(text);
            if (type.isReversal()) {
                body.reject("eventType", "reversals are made with POST .../ledger/{id}/reverse");
            } else if (!type.appliesTo(kind)) {
                body.reject("eventType", "PRODUCE is only for finished goods (SKUs)");
            }
            return type;
        } catch (IllegalArgumentException e) {
            body.reject("eventType", "must be one of " + Arrays.toString(EntryType.values()));
            return null;
        }
    }

    <T> T absent(JsonBody body, String field, String why) {
        if (body.has(field) && !body.isNull(field)) {
            body.reject(field, why);
        }
        return null;
    }

    String transferItem(String orgId, ItemKind kind, String ref) {
        return book.itemOfTransfer(orgId, ref).filter(item -> isOfKind(item, kind))
                .orElseThrow(() -> DomainException.notFound("transfer", ref));
    }

    String entryItem(String orgId, ItemKind kind, String entryId) {
        return book.itemOfEntry(orgId, entryId).filter(item -> isOfKind(item, kind))
                .orElseThrow(() -> DomainException.notFound("ledger entry", entryId));
    }

    private boolean isOfKind(String itemId, ItemKind kind) {
        return registry.find(itemId).map(entry -> entry.is(InventoryLedger.itemKind(kind))).orElse(false);
    }
}
