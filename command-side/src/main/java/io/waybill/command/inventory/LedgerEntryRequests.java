package io.waybill.command.inventory;

import io.waybill.api.DomainException;
import io.waybill.api.inventory.EntryType;
import io.waybill.api.inventory.ItemKind;
import io.waybill.command.catalog.CatalogKinds;
import io.waybill.api.inventory.LedgerId;
import io.waybill.api.inventory.RecordLedgerEntry;
import io.waybill.command.inventory.LedgerRequests.FollowUpRequest;
import io.waybill.command.inventory.LedgerRequests.Movement;
import io.waybill.command.registry.EntityRegistry;
import io.waybill.platform.request.JsonRequests;
import io.waybill.platform.request.Problems;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/** Reads ledger write requests into commands, and finds the ledger an entry id or a transfer ref belongs to. */
@Component
class LedgerEntryRequests {

    private final Clock clock;
    private final LedgerBook book;
    private final EntityRegistry registry;
    private final JsonRequests requests;

    LedgerEntryRequests(Clock clock, LedgerBook book, EntityRegistry registry, JsonRequests requests) {
        this.clock = clock;
        this.book = book;
        this.registry = registry;
        this.requests = requests;
    }

    /** What a completion or a reversal may say: its own entry id, business date and notes. */
    record FollowUp(String entryId, LocalDate eventDate, String notes) {
    }

    /** The movement's body, with the item checked against the inventory it is sent to. */
    <M extends Record & Movement> M movement(JsonNode json, Class<M> type, ItemKind kind, Problems problems) {
        M movement = requests.read(json, type, problems);
        movement.checkItem(kind, problems);
        checkDate(movement.eventDate(), problems);
        return movement;
    }

    /** The command recording the movement, once its body holds no problem. */
    RecordLedgerEntry entry(String orgId, Movement movement, ItemKind kind, EntryType type, String location,
                            String to, BigDecimal quantity, String ref, Problems problems) {
        problems.throwIfAny();
        String item = movement.item(kind);
        return new RecordLedgerEntry(LedgerId.of(item), orgId, kind, item, entryId(movement.id()), type, location, to,
                quantity, movement.unitCost(), ref, movement.notes(), date(movement.eventDate()), null, null);
    }

    FollowUp followUp(JsonNode json) {
        Problems problems = new Problems();
        FollowUpRequest request = requests.read(json == null ? JsonNodeFactory.instance.objectNode() : json,
                FollowUpRequest.class, problems);
        checkDate(request.eventDate(), problems);
        problems.throwIfAny();
        return new FollowUp(entryId(request.id()), date(request.eventDate()), request.notes());
    }

    String transferItem(String orgId, ItemKind kind, String ref) {
        return book.itemOfTransfer(orgId, ref).filter(item -> isOfKind(orgId, item, kind))
                .orElseThrow(() -> DomainException.notFound("transfer", ref));
    }

    String entryItem(String orgId, ItemKind kind, String entryId) {
        return book.itemOfEntry(orgId, entryId).filter(item -> isOfKind(orgId, item, kind))
                .orElseThrow(() -> DomainException.notFound("ledger entry", entryId));
    }

    /**
     * An entry's date is a day of UTC, never after today: the balances of today and of an as-of date read the same
     * entries, and a day the ledger has not reached holds none.
     */
    private void checkDate(LocalDate eventDate, Problems problems) {
        if (eventDate != null && eventDate.isAfter(LocalDate.now(clock))) {
            problems.reject("eventDate", "must not be after today (UTC)");
        }
    }

    private LocalDate date(LocalDate eventDate) {
        return eventDate == null ? LocalDate.now(clock) : eventDate;
    }

    private static String entryId(String id) {
        return id == null ? UUID.randomUUID().toString() : id;
    }

    private boolean isOfKind(String orgId, String itemId, ItemKind kind) {
        return registry.find(orgId, itemId).map(entry -> entry.is(CatalogKinds.of(kind))).orElse(false);
    }
}
