package io.waybill.platform.axon;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Axon's JDBC storage engine without snapshots. Waybill stores none (docs/design.md, "Performance": the aggregate
 * cache serves long histories), yet Axon's event store asks the snapshot table before every aggregate load, a
 * create included: one statement per command on an aggregate that is not cached, answered empty every time. Here
 * that question is not asked, and storing a snapshot is refused, so the two cannot drift apart unnoticed. Nor is
 * the history of the id a create being handled is marked to make as new ({@link NewAggregates}). The events of an
 * aggregate read (a load, a timeline) and those a processor reads have their times parsed quickly
 * ({@link StoredTimestamps}).
 */
final class EventsOnlyStorageEngine extends JdbcEventStorageEngine {

    static final int AGGREGATE_BATCH = 1_000;

    private final long gapTimeoutMillis;
    private final int maxGapOffset;
    private final long lowestGlobalSequence;

    /** Axon's engine from {@code builder}, with the batch size and the rules for gaps of {@code settings}. */
    EventsOnlyStorageEngine(Builder builder, EventStoreSettings settings) {
        super(builder.readEventDataForAggregate(EventsOnlyStorageEngine::aggregateEvents)
                .batchSize(settings.batchSize())
                .gapTimeout(Math.toIntExact(settings.gapTimeout().toMillis()))
                .maxGapOffset(settings.maxGapOffset())
                .gapCleaningThreshold(settings.gapCleaningThreshold())
                .lowestGlobalSequence(settings.lowestGlobalSequence()));
        this.gapTimeoutMillis = settings.gapTimeout().toMillis();
        this.maxGapOffset = settings.maxGapOffset();
        this.lowestGlobalSequence = settings.lowestGlobalSequence();
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }

    /**
     * An aggregate's events, {@value #AGGREGATE_BATCH} to a statement ({@link #aggregateEvents}); a statement that
     * answers fewer was the last. No history is read for the id the create being handled makes as new
     * ({@link NewAggregates}).
     */
    @Override
    protected Stream<? extends DomainEventData<?>> readEventData(String identifier, long firstSequenceNumber) {
        if (NewAggregates.isNew(identifier)) {
            return Stream.empty();
        }
        return EventsOnlyStorageEngine.<DomainEventData<?>>untilShortBatch(
                fetchDomainEvents(identifier, firstSequenceNumber, AGGREGATE_BATCH), AGGREGATE_BATCH,
                last -> fetchDomainEvents(identifier, last.getSequenceNumber() + 1, AGGREGATE_BATCH));
    }

    /**
     * The events after {@code token}, for the reader of Axon's embedded store ({@code mayBlock}) up to a batch that is
     * not full: that reader reads again at once whenever it found events, and stops at an empty read. Axon reads
     * until a batch comes back empty instead, so each time the reader was woken it read the store three times, and
     * twice found nothing (each empty read followed by a look for events beyond a gap). A processor reading on its
     * own, catching up, reads until empty as in Axon.
     */
    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken token, boolean mayBlock) {
        if (!mayBlock) {
            return super.readEventData(token, false);
        }
        return EventsOnlyStorageEngine.<TrackedEventData<?>>untilShortBatch(fetchTrackedEvents(token, batchSize()),
                batchSize(), last -> fetchTrackedEvents(last.trackingToken(), batchSize()));
    }

    /** {@code first}, then each batch read after the one before's last item, up to one of fewer than {@code size}. */
    private static <T> Stream<T> untilShortBatch(List<? extends T> first, int size,
                                                 Function<T, List<? extends T>> after) {
        return Stream.<List<? extends T>>iterate(first, Objects::nonNull,
                        batch -> batch.size() < size ? null : after.apply(batch.get(batch.size() - 1)))
                .<T>flatMap(List::stream);
    }

    /**
     * The next {@code batchSize} events of an aggregate from {@code firstSequenceNumber} on. Axon's statement asks
     * for a range of sequence numbers instead, so that fewer events than the range holds do not tell the end of
     * the history (there could be a gap), and it reads until a statement answers none: two statements for every
     * history shorter than a batch, a timeline's or an aggregate's load.
     */
    static PreparedStatement aggregateEvents(Connection connection, EventSchema schema, String identifier,
                                             long firstSequenceNumber, int batchSize) throws SQLException {
        PreparedStatement statement = connection.prepareStatement("SELECT " + schema.trackedEventFields()
                + " FROM " + schema.domainEventTable() + " WHERE " + schema.aggregateIdentifierColumn() + " = ? AND "
                + schema.sequenceNumberColumn() + " >= ? ORDER BY " + schema.sequenceNumberColumn() + " LIMIT ?");
        statement.setString(1, identifier);
        statement.setLong(2, firstSequenceNumber);
        statement.setInt(3, batchSize);
        return statement;
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet row) throws SQLException {
        return StoredTimestamps.parsedOnce(super.getDomainEventData(row), row.getString(schema().timestampColumn()));
    }

    /**
     * An event a processor reads, with its position: Axon's own reading of the row and its rule for gaps (a gap
     * before an event stored less than the gap timeout ago is waited for, up to {@code maxGapOffset} positions
     * back), but with the event's time parsed once and quickly ({@link StoredTimestamps}). Axon's parses the time
     * with a {@code DateTimeFormatter} to apply that rule, for every event read: a fifth of a replay's reading.
     */
    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet row, GapAwareTrackingToken previous)
            throws SQLException {
        EventSchema schema = schema();
        long globalIndex = row.getLong(schema.globalIndexColumn());
        String aggregateIdentifier = row.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = row.getString(schema.eventIdentifierColumn());
        String storedTime = row.getString(schema.timestampColumn());
        DomainEventData<?> event = StoredTimestamps.parsedOnce(new GenericDomainEventEntry<>(
                row.getString(schema.typeColumn()),
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                row.getLong(schema.sequenceNumberColumn()), eventIdentifier, storedTime,
                row.getString(schema.payloadTypeColumn()), row.getString(schema.payloadRevisionColumn()),
                readPayload(row, schema.payloadColumn()), readPayload(row, schema.metaDataColumn())), storedTime);
        boolean gapsWaitedFor = event.getTimestamp()
                .isAfter(GenericEventMessage.clock.instant().minusMillis(gapTimeoutMillis));
        GapAwareTrackingToken token = previous != null
                ? previous.advanceTo(globalIndex, gapsWaitedFor ? maxGapOffset : 0)
                : GapAwareTrackingToken.newInstance(globalIndex, gapsWaitedFor
                        ? LongStream.range(Math.min(lowestGlobalSequence, globalIndex), globalIndex).boxed()
                                .collect(Collectors.toCollection(TreeSet::new))
                        : Collections.emptySortedSet());
        return new TrackedDomainEventData<>(token, event);
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        throw new UnsupportedOperationException("snapshots are not used: configure none");
    }
}
