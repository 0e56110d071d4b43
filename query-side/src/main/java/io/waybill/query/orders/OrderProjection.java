package io.waybill.query.orders;

import io.waybill.api.order.OrderCreated;
import io.waybill.api.order.OrderDeleted;
import io.waybill.api.order.OrderDetails;
import io.waybill.api.order.OrderDetailsChanged;
import io.waybill.api.order.OrderEvent;
import io.waybill.platform.axon.MessageMetadata;
import io.waybill.query.config.HandlerSavepoints;
import io.waybill.query.events.EventSource;
import io.waybill.query.support.BatchRows;
import io.waybill.query.support.ReadModelTables;
import io.waybill.query.support.RecordRows;
import io.waybill.query.support.RecordRows.Key;
import io.waybill.query.support.Rows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Keeps {@code order_view}, a row per organisation and sid: ids a client chooses are unique per organisation only,
 * so every statement names both (events other than the create carry the organisation in their metadata only). Each
 * row remembers the sequence number of the last event applied to it, so an event seen again (a retried batch) changes
 * nothing. The rows of a processor's batch are read and written together ({@link BatchRows}).
 */
@Component
@ProcessingGroup("orders")
@ReadModelTables({"order_view"})
class OrderProjection {

    /** The events that change an existing row. */
    private static final Set<Class<?>> CHANGES = Set.of(OrderDetailsChanged.class, OrderDeleted.class);

    private final BatchRows<Key, Row> rows;

    OrderProjection(JdbcTemplate jdbc, HandlerSavepoints savepoints) {
        this.rows = new BatchRows<>(new Table(jdbc), OrderProjection::keyToRead, savepoints);
    }

    /** The aggregate whose events this projection reads, for the organisation's event list and stream. */
    @Bean
    static EventSource orderEvents() {
        return new EventSource("Order", OrderEvent.class);
    }

    @EventHandler
    void on(OrderCreated event, @SequenceNumber long seq, @Timestamp Instant at) {
        Key key = new Key(event.orgId(), event.orderSid());
        rows.insert(key, new Row(key, event.details(), false, seq, at, at));
    }

    @EventHandler
    void on(OrderDetailsChanged event, @MetaDataValue(MessageMetadata.ORG_ID) String orgId,
            @SequenceNumber long seq, @Timestamp Instant at) {
        change(new Key(orgId, event.orderSid()), seq, row -> row.changed(event.details(), row.deleted(), seq, at));
    }

    @EventHandler
    void on(OrderDeleted event, @MetaDataValue(MessageMetadata.ORG_ID) String orgId, @SequenceNumber long seq,
            @Timestamp Instant at) {
        change(new Key(orgId, event.orderSid()), seq, row -> row.changed(row.details(), true, seq, at));
    }

    /** Changes the key's row with the event of {@code seq}, unless the row is missing or has that event already. */
    private void change(Key key, long seq, UnaryOperator<Row> change) {
        rows.find(key).filter(row -> row.lastSeq() < seq).ifPresent(row -> rows.update(key, change.apply(row)));
    }

    /** The row an event of an order reads: every one that changes an existing row. */
    private static Key keyToRead(EventMessage<?> message) {
        if (!CHANGES.contains(message.getPayloadType())) {
            return null;
        }
        return new Key((String) message.getMetaData().get(MessageMetadata.ORG_ID),
                ((OrderEvent) message.getPayload()).orderSid());
    }

    record Row(Key key, OrderDetails details, boolean deleted, long lastSeq, Instant created, Instant updated) {

        Row changed(OrderDetails newDetails, boolean nowDeleted, long seq, Instant at) {
            return new Row(key, newDetails, nowDeleted, seq, created, at);
        }
    }

    private record Table(JdbcTemplate jdbc) implements BatchRows.Table<Key, Row> {

        private static final RowMapper<Row> ROW = (rs, n) -> new Row(
                new Key(rs.getString("org_id"), rs.getString("sid")),
                new OrderDetails(rs.getString("vendor_sid"), rs.getString("vendor_name"),
                        rs.getString("unique_name"), rs.getString("title"),
                        Rows.relations(rs.getString("event_relations"))),
                rs.getBoolean("deleted"), rs.getLong("last_seq"), rs.getTimestamp("created").toInstant(),
                rs.getTimestamp("updated").toInstant());

        @Override
        public Map<Key, Row> read(Collection<Key> keys) {
            return RecordRows.read(jdbc, "order_view", keys, ROW, Row::key);
        }

        @Override
        public List<Row> insert(List<Row> rows) {
            int[] inserted = jdbc.batchUpdate("INSERT INTO order_view (sid, org_id, unique_name, vendor_sid, "
                            + "vendor_name, title, event_relations, deleted, created, updated, last_seq) "
                            + "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? "
                            + "WHERE NOT EXISTS (SELECT 1 FROM order_view WHERE org_id = ? AND sid = ?)",
                    rows.stream().map(row -> {
                        OrderDetails d = row.details();
                        return new Object[]{row.key().sid(), row.key().orgId(), d.uniqueName(), d.vendorSid(),
                                d.vendorName(), d.title(), Rows.relations(d.eventRelations()), row.deleted(),
                                Rows.at(row.created()), Rows.at(row.updated()), row.lastSeq(), row.key().orgId(),
                                row.key().sid()};
                    }).toList());
            return RecordRows.taken(rows, inserted);
        }

        @Override
        public void update(List<Row> rows) {
            jdbc.batchUpdate("UPDATE order_view SET unique_name = ?, vendor_sid = ?, vendor_name = ?, title = ?, "
                            + "event_relations = ?, deleted = ?, updated = ?, last_seq = ? "
                            + "WHERE org_id = ? AND sid = ? AND last_seq < ?",
                    rows.stream().map(row -> {
                        OrderDetails d = row.details();
                        return new Object[]{d.uniqueName(), d.vendorSid(), d.vendorName(), d.title(),
                                Rows.relations(d.eventRelations()), row.deleted(), Rows.at(row.updated()),
                                row.lastSeq(), row.key().orgId(), row.key().sid(), row.lastSeq()};
                    }).toList());
        }
    }
}
