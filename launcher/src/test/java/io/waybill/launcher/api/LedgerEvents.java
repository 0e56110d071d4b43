package io.waybill.launcher.api;

import io.waybill.api.inventory.BalanceChange;
import io.waybill.api.inventory.Bucket;
import io.waybill.api.inventory.EntryType;
import io.waybill.api.inventory.InventoryLedgerEvent;
import io.waybill.api.inventory.ItemKind;
import io.waybill.api.inventory.LedgerEntry;
import io.waybill.api.inventory.LedgerEntryRecorded;
import io.waybill.api.inventory.LedgerEntryReversed;
import io.waybill.api.inventory.LedgerId;
import io.waybill.api.inventory.StockTransferred;
import io.waybill.api.inventory.TransferCompleted;
import io.waybill.platform.axon.MessageMetadata;
import io.waybill.testing.RunningApp;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * One item's ledger, written the way the command side writes it: events appended to the running app's event store
 * under the ledger's aggregate id with consecutive sequence numbers, the organisation and actor in the metadata.
 * Each method appends one event and answers the entry it recorded.
 */
final class LedgerEvents {

    private static final String AGGREGATE_TYPE = "InventoryLedger";
    private final RunningApp app;
    private static final AtomicReference<Instant> LAST_TIMESTAMP = new AtomicReference<>(Instant.EPOCH);
    private final String orgId;
    private final ItemKind kind;
    private final String itemId;
    private String actor = "clerk";
    private long nextSeq;

    LedgerEvents(RunningApp app, String orgId, ItemKind kind, String itemId) {
        this.app = app;
        this.orgId = orgId;
        this.kind = kind;
        this.itemId = itemId;
    }

    String itemId() {
        return itemId;
    }

    LedgerEvents as(String actor) {
        this.actor = actor;
        return this;
    }

    /** A movement at one location that changes one bucket by the signed quantity. */
    LedgerEntry record(EntryType type, String location, String quantity, LocalDate date, Bucket bucket) {
        BigDecimal q = new BigDecimal(quantity);
        LedgerEntry entry = entry(type, location, null, q, null, date, null,
                List.of(new BalanceChange(location, bucket, q)));
        return append(new LedgerEntryRecorded(ledgerId(), orgId, kind, itemId, entry));
    }

    LedgerEntry receive(String location, String quantity, LocalDate date) {
        return record(EntryType.RECEIVE, location, quantity, date, Bucket.ON_HAND);
    }

    LedgerEntry transfer(String from, String to, String quantity, String ref, LocalDate date) {
        BigDecimal q = new BigDecimal(quantity);
        LedgerEntry entry = entry(EntryType.TRANSFER, from, to, q.negate(), ref, date, null, List.of(
                new BalanceChange(from, Bucket.ON_HAND, q.negate()), new BalanceChange(to, Bucket.IN_TRANSIT, q)));
        return append(new StockTransferred(ledgerId(), orgId, kind, itemId, entry));
    }

    LedgerEntry complete(LedgerEntry transfer, LocalDate date) {
        BigDecimal q = transfer.quantity().negate();
        String to = transfer.toLocationId();
        LedgerEntry entry = entry(EntryType.TRANSFER, to, null, q, transfer.ref(), date, null, List.of(
                new BalanceChange(to, Bucket.IN_TRANSIT, q.negate()), new BalanceChange(to, Bucket.ON_HAND, q)));
        return append(new TransferCompleted(ledgerId(), orgId, kind, itemId, transfer.id(), entry));
    }

    /** Undoes an entry; for a completed transfer, pass its completion too: both legs are undone. */
    LedgerEntry reverse(LedgerEntry reversed, LocalDate date, LedgerEntry... laterLegs) {
        List<BalanceChange> undo = Stream.concat(Stream.of(reversed), Stream.of(laterLegs))
                .flatMap(leg -> leg.changes().stream())
                .map(c -> new BalanceChange(c.locationId(), c.bucket(), c.delta().negate())).toList();
        LedgerEntry entry = entry(reversed.type().reversal(), reversed.locationId(), reversed.toLocationId(),
                reversed.quantity().negate(), reversed.ref(), date, reversed.id(), undo);
        return append(new LedgerEntryReversed(ledgerId(), orgId, kind, itemId, entry));
    }

    private LedgerEntry entry(EntryType type, String location, String to, BigDecimal quantity, String ref,
                              LocalDate date, String reverses, List<BalanceChange> changes) {
        String id = "le-" + UUID.randomUUID();
        return new LedgerEntry(id, "IL-" + (nextSeq + 1) + "-" + itemId, type, location, to, quantity,
                new BigDecimal("1.50"), ref, "note " + type, date, "manual", null, reverses, changes);
    }

    /**
     * Each event a millisecond after the one before (the store keeps milliseconds), so that "recorded later" is
     * never a tie broken by random ids.
     */
    private static Instant nextTimestamp() {
        return LAST_TIMESTAMP.updateAndGet(last -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            return now.isAfter(last) ? now : last.plusMillis(1);
        });
    }

    private LedgerEntry append(InventoryLedgerEvent event) {
        var message = new GenericDomainEventMessage<>(AGGREGATE_TYPE, ledgerId(), nextSeq++, event,
                MetaData.with(MessageMetadata.ORG_ID, orgId).and(MessageMetadata.ACTOR, actor)
                        .and(MessageMetadata.CORRELATION_ID, UUID.randomUUID().toString()),
                UUID.randomUUID().toString(), nextTimestamp());
        var unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(app.bean(TransactionManager.class));
        unitOfWork.execute(() -> app.bean(EventStore.class).publish(message));
        return event.entry();
    }

    private String ledgerId() {
        return LedgerId.of(itemId);
    }
}
