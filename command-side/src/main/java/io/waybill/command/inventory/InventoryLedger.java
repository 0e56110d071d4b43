package io.waybill.command.inventory;

import io.waybill.api.catalog.CatalogKind;
import io.waybill.command.catalog.CatalogKinds;
import io.waybill.api.DomainException;
import io.waybill.api.inventory.BalanceChange;
import io.waybill.api.inventory.Bucket;
import io.waybill.api.inventory.CheckMove;
import io.waybill.api.inventory.CheckMovement;
import io.waybill.api.inventory.CheckReversals;
import io.waybill.api.inventory.CompleteTransfer;
import io.waybill.api.inventory.EntryType;
import io.waybill.api.inventory.InventoryLedgerEvent;
import io.waybill.api.inventory.ItemKind;
import io.waybill.api.inventory.ItemStock;
import io.waybill.api.inventory.ReadItemStock;
import io.waybill.api.inventory.LedgerEntry;
import io.waybill.api.inventory.LedgerEntryRecorded;
import io.waybill.api.inventory.LedgerEntryReversed;
import io.waybill.api.inventory.LedgerEntryView;
import io.waybill.api.inventory.LedgerSources;
import io.waybill.api.inventory.RecordLedgerEntry;
import io.waybill.api.inventory.ReverseLedgerEntry;
import io.waybill.api.inventory.StockTransferred;
import io.waybill.api.inventory.TransferCompleted;
import io.waybill.command.config.CommandSideConfig;
import io.waybill.command.registry.CatalogReferences;
import io.waybill.command.support.Counters;
import io.waybill.command.registry.Kind;
import io.waybill.platform.axon.MessageMetadata;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.waybill.command.inventory.LedgerEntries.Recorded;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The ledger of one item of an organisation, across all locations, so that a movement between two locations is
 * one decision. Every entry is kept; entries are idempotent by id. The balance rules live in {@link Stock}, what
 * each movement does in {@link Movements}.
 */
@Aggregate(cache = CommandSideConfig.AGGREGATE_CACHE)
class InventoryLedger {

    /** The series of entry codes, {@code LE-000123}. */
    private static final String CODE = "LE";
    private static final Kind LOCATION = CatalogKinds.of(CatalogKind.LOCATION);

    @AggregateIdentifier
    private String ledgerId;
    private String orgId;
    private ItemKind itemKind;
    private String itemId;
    private final Stock stock = new Stock();
    private final Reservations reservations = new Reservations();
    private final LedgerEntries entries = new LedgerEntries();

    InventoryLedger() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    LedgerEntryView handle(RecordLedgerEntry command, LedgerBook book, Counters counters,
                           CatalogReferences references,
                           @MetaDataValue(MessageMetadata.ACTOR) String actor) {
        if (orgId != null) {
            requireOrg(command.orgId());
            if (itemKind != command.itemKind()) {
                throw DomainException.notFound(noun(command.itemKind()), command.itemId());
            }
        }
        Recorded existing = entries.get(command.entryId());
        if (existing != null) {
            return sameRequest(existing.entry(), command) ? existing.view(orgId, itemKind, itemId)
                    : LedgerEntries.conflict(command.entryId(), "was recorded with other values");
        }
        EntryType type = command.type();
        if (!type.appliesTo(command.itemKind())) {
            throw DomainException.invalid("eventType", "PRODUCE is only for finished goods (SKUs)");
        }
        BigDecimal quantity = reservations.resolve(type, command.locationId(), command.quantity(),
                command.sourceType(), command.sourceId(), stock);
        if (quantity.signum() == 0) {
            return null;
        }
        useCatalog(command, references);
        List<BalanceChange> changes = Movements.of(type, command.locationId(), command.toLocationId(), quantity,
                reservations.drawable(command.sourceType(), command.sourceId(), stock));
        stock.check(changes, command.eventDate());
        String code = counters.next(command.orgId(), CODE);
        String ref = type == EntryType.TRANSFER && command.ref() == null ? "TR-" + code.substring(3) : command.ref();
        book.claim(command.entryId(), command.orgId(), command.itemId(), type == EntryType.TRANSFER ? ref : null);
        LedgerEntry entry = new LedgerEntry(command.entryId(), code, type, command.locationId(),
                command.toLocationId(), Movements.signedQuantity(type, quantity), command.unitCost(), ref,
                command.notes(), command.eventDate(), command.sourceType() == null ? LedgerEntries.MANUAL : command.sourceType(),
                command.sourceId(), null, changes);
        String ledger = command.ledgerId();
        return record(type == EntryType.TRANSFER
                ? new StockTransferred(ledger, command.orgId(), command.itemKind(), command.itemId(), entry)
                : new LedgerEntryRecorded(ledger, command.orgId(), command.itemKind(), command.itemId(), entry),
                actor);
    }

    @CommandHandler
    LedgerEntryView handle(CompleteTransfer command, LedgerBook book, Counters counters,
                           @MetaDataValue(MessageMetadata.ACTOR) String actor) {
        requireOrg(command.orgId());
        Recorded transfer = entries.transfer(command.ref());
        if (transfer == null) {
            throw DomainException.notFound("transfer", command.ref());
        }
        if (transfer.completedBy() != null && transfer.completedBy().equals(command.entryId())) {
            return entries.get(command.entryId()).view(orgId, itemKind, itemId);
        }
        entries.requireNew(command.entryId());
        LedgerEntries.requireOpen(transfer);
        LedgerEntry out = transfer.entry();
        if (command.eventDate().isBefore(out.eventDate())) {
            throw DomainException.invalid("eventDate", "a transfer cannot arrive before it left on " + out.eventDate());
        }
        BigDecimal quantity = out.quantity().negate();
        List<BalanceChange> changes = Movements.arrival(out.toLocationId(), quantity);
        stock.check(changes, command.eventDate());
        String code = counters.next(orgId, CODE);
        book.claim(command.entryId(), orgId, itemId, null);
        LedgerEntry entry = new LedgerEntry(command.entryId(), code, EntryType.TRANSFER, out.toLocationId(), null,
                quantity, out.unitCost(), out.ref(), command.notes(), command.eventDate(), LedgerEntries.MANUAL, null, null,
                changes);
        return record(new TransferCompleted(ledgerId, orgId, itemKind, itemId, out.id(), entry), actor);
    }

    @CommandHandler
    LedgerEntryView handle(ReverseLedgerEntry command, LedgerBook book, Counters counters,
                           @MetaDataValue(MessageMetadata.ACTOR) String actor) {
        requireOrg(command.orgId());
        Recorded original = entries.get(command.reversedEntryId());
        if (original == null) {
            throw DomainException.notFound("ledger entry", command.reversedEntryId());
        }
        if (command.entryId().equals(original.reversedBy())) {
            return entries.get(command.entryId()).view(orgId, itemKind, itemId);
        }
        entries.requireNew(command.entryId());
        List<BalanceChange> changes = entries.reversalChanges(original, command.sourceType());
        LedgerEntry out = original.entry();
        if (command.eventDate().isBefore(out.eventDate())) {
            throw DomainException.invalid("eventDate", "a reversal cannot come before the entry it reverses, on "
                    + out.eventDate());
        }
        stock.check(changes, command.eventDate());
        String code = counters.next(orgId, CODE);
        book.claim(command.entryId(), orgId, itemId, null);
        LedgerEntry entry = new LedgerEntry(command.entryId(), code, out.type().reversal(), out.locationId(),
                out.toLocationId(), out.quantity().negate(), out.unitCost(), out.ref(), command.notes(),
                command.eventDate(), command.sourceType() == null ? LedgerEntries.MANUAL : command.sourceType(),
                command.sourceId(), out.id(), changes);
        return record(new LedgerEntryReversed(ledgerId, orgId, itemKind, itemId, entry), actor);
    }

    @CommandHandler
    boolean handle(CheckReversals command) {
        requireOrg(command.orgId());
        List<BalanceChange> changes = new ArrayList<>();
        for (String entryId : command.entryIds()) {
            Recorded original = entries.get(entryId);
            if (original == null) {
                throw DomainException.notFound("ledger entry", entryId);
            }
            changes.addAll(entries.reversalChanges(original, command.sourceType()));
        }
        stock.check(changes, command.eventDate());
        return true;
    }

    /** Sums the on-hand changes per location and date they are moved from, then checks each. */
    @CommandHandler
    boolean handle(CheckMove command) {
        requireOrg(command.orgId());
        Map<String, Map<LocalDate, BigDecimal>> moving = new TreeMap<>();
        for (String entryId : command.entryIds()) {
            Recorded original = entries.get(entryId);
            if (original == null) {
                throw DomainException.notFound("ledger entry", entryId);
            }
            entries.reversalChanges(original, command.sourceType());
            original.entry().changes().stream().filter(change -> change.bucket() == Bucket.ON_HAND)
                    .forEach(change -> moving.computeIfAbsent(change.locationId(), l -> new TreeMap<>())
                            .merge(original.entry().eventDate(), change.delta(), BigDecimal::add));
        }
        moving.forEach((location, byDate) -> byDate.forEach((from, delta) ->
                stock.checkMove(location, delta, from, command.eventDate())));
        return true;
    }

    @CommandHandler
    boolean handle(CheckMovement command) {
        requireOrg(command.orgId());
        BigDecimal quantity = reservations.resolve(command.type(), command.locationId(), command.quantity(),
                command.sourceType(), command.sourceId(), stock);
        stock.check(Movements.of(command.type(), command.locationId(), null, quantity,
                reservations.drawable(command.sourceType(), command.sourceId(), stock)), command.eventDate());
        return true;
    }

    @CommandHandler
    ItemStock handle(ReadItemStock command) {
        requireOrg(command.orgId());
        return new ItemStock(itemId, stock.locations());
    }

    /**
     * Applies the event with the actor already in its metadata (the event bus adds it only after the ledger has
     * seen the event), so the entry answered shows who recorded it.
     */
    private LedgerEntryView record(InventoryLedgerEvent event, String actor) {
        apply(event, actor == null ? MetaData.emptyInstance() : MetaData.with(MessageMetadata.ACTOR, actor));
        return entries.get(event.entry().id()).view(orgId, itemKind, itemId);
    }

    private void useCatalog(RecordLedgerEntry command, CatalogReferences references) {
        String ledger = command.ledgerId();
        references.use(command.orgId(), CatalogKinds.of(command.itemKind()), command.itemId(), ledger);
        references.use(command.orgId(), LOCATION, command.locationId(), ledger);
        if (command.toLocationId() != null) {
            references.use(command.orgId(), LOCATION, command.toLocationId(), ledger);
        }
    }

    private void requireOrg(String callerOrg) {
        if (!orgId.equals(callerOrg)) {
            throw DomainException.notFound("ledger", itemId);
        }
    }

    private static boolean sameRequest(LedgerEntry entry, RecordLedgerEntry command) {
        return entry.type() == command.type() && entry.locationId().equals(command.locationId())
                && Objects.equals(entry.toLocationId(), command.toLocationId())
                && sameQuantity(entry, command)
                && Objects.equals(entry.unitCost(), command.unitCost())
                && (command.ref() == null || command.ref().equals(entry.ref()))
                && Objects.equals(entry.sourceId(), command.sourceId());
    }

    /** The quantity asked for, or for a source's allocation or release, at most that (it took what it could). */
    private static boolean sameQuantity(LedgerEntry entry, RecordLedgerEntry command) {
        BigDecimal asked = Movements.signedQuantity(command.type(), command.quantity());
        boolean upTo = LedgerSources.holdsReservations(command.sourceType()) && switch (command.type()) {
            case ALLOCATE, RELEASE_DEMAND, RELEASE_ALLOCATION -> true;
            default -> false;
        };
        return upTo ? entry.quantity().abs().compareTo(asked.abs()) <= 0 : entry.quantity().compareTo(asked) == 0;
    }

    private static String noun(ItemKind kind) {
        return kind == ItemKind.SKU ? "SKU" : "material";
    }

    @EventSourcingHandler
    void on(InventoryLedgerEvent event, @Timestamp Instant at, @MetaDataValue(MessageMetadata.ACTOR) String actor) {
        if (orgId == null) {
            ledgerId = event.ledgerId();
            orgId = event.orgId();
            itemKind = event.itemKind();
            itemId = event.itemId();
        }
        stock.apply(event.entry().changes(), event.entry().eventDate());
        reservations.apply(event.entry());
        entries.recorded(event, actor, at);
    }

}
