package io.waybill.query.itemgroups;

import io.waybill.api.LineStatus;
import io.waybill.api.RecordStreams;
import io.waybill.api.itemgroup.ItemGroupCombinedInto;
import io.waybill.api.itemgroup.ItemGroupCreated;
import io.waybill.api.itemgroup.ItemGroupDeleted;
import io.waybill.api.itemgroup.ItemGroupDetails;
import io.waybill.api.itemgroup.ItemGroupEvent;
import io.waybill.api.itemgroup.ItemGroupEvolution;
import io.waybill.query.config.HandlerSavepoints;
import io.waybill.query.events.EventSource;
import io.waybill.query.support.BatchRows;
import io.waybill.query.support.ReadModelTables;
import io.waybill.query.support.RecordRows;
import io.waybill.query.support.RecordRows.Key;
import io.waybill.query.support.Rows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.SourceId;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Keeps {@code item_group_view}, evolving each row with the same rules as the aggregate
 * ({@link ItemGroupEvolution}). A row is the organisation's lot of that sid (ids a client chooses are unique per
 * organisation only; the organisation is named by the lot's stream, {@link RecordStreams}). A row's
 * {@code version} counts the events applied to it; an event whose version the row already has is skipped, so an
 * event seen again changes nothing. The rows of a processor's batch are read and written together
 * ({@link BatchRows}).
 */
@Component
@ProcessingGroup("item-groups")
@ReadModelTables({"item_group_view"})
class ItemGroupProjection {

    private final BatchRows<Key, Row> rows;

    ItemGroupProjection(JdbcTemplate jdbc, HandlerSavepoints savepoints) {
        this.rows = new BatchRows<>(new Table(jdbc), ItemGroupProjection::keyToRead, savepoints);
    }

    /** The aggregate whose events this projection reads, for the organisation's event list and stream. */
    @Bean
    static EventSource itemGroupEvents() {
        return new EventSource("ItemGroup", ItemGroupEvent.class);
    }

    @EventHandler
    void on(ItemGroupEvent event, @SourceId String stream, @SequenceNumber long seq, @Timestamp Instant at) {
        Key key = new Key(RecordStreams.orgId(stream), event.itemGroupSid());
        long version = seq + 1;
        if (event instanceof ItemGroupCreated created) {
            rows.insert(key, new Row(key, created.orderSid(), created.itemSid(), created.details(), false, 1, at, at));
            return;
        }
        rows.find(key).filter(row -> row.version() < version).ifPresent(row -> rows.update(key,
                event instanceof ItemGroupDeleted || event instanceof ItemGroupCombinedInto
                        ? row.changed(row.details(), true, version, at)
                        : row.changed(ItemGroupEvolution.apply(row.details(), event), row.deleted(), version, at)));
    }

    /** The row an event of a lot reads: every one but its first. */
    private static Key keyToRead(EventMessage<?> message) {
        if (!(message instanceof DomainEventMessage<?> domain)
                || !ItemGroupEvent.class.isAssignableFrom(message.getPayloadType())
                || ItemGroupCreated.class.equals(message.getPayloadType())) {
            return null;
        }
        return Key.ofStream(domain.getAggregateIdentifier());
    }

    record Row(Key key, String orderSid, String itemSid, ItemGroupDetails details, boolean deleted, long version,
               Instant created, Instant updated) {

        Row changed(ItemGroupDetails newDetails, boolean nowDeleted, long newVersion, Instant at) {
            return new Row(key, orderSid, itemSid, newDetails, nowDeleted, newVersion, created, at);
        }
    }

    private record Table(JdbcTemplate jdbc) implements BatchRows.Table<Key, Row> {

        private static final RowMapper<ItemGroupDetails> DETAILS = (rs, n) -> new ItemGroupDetails(
                rs.getString("unique_name"), rs.getBigDecimal("quantity"), date(rs.getDate("due_date")),
                date(rs.getDate("ship_date")), date(rs.getDate("delivery_date")), rs.getBoolean("shipped"),
                rs.getBoolean("delivered"), rs.getString("tracking_number"),
                instant(rs.getTimestamp("last_update_date")), date(rs.getDate("estimated_arrival_date")),
                LineStatus.of(rs.getString("status")), Rows.relations(rs.getString("event_relations")));
        private static final RowMapper<Row> ROW = (rs, n) -> new Row(
                new Key(rs.getString("org_id"), rs.getString("sid")), rs.getString("order_sid"),
                rs.getString("item_sid"), DETAILS.mapRow(rs, n), rs.getBoolean("deleted"), rs.getLong("version"),
                instant(rs.getTimestamp("created")), instant(rs.getTimestamp("updated")));

        @Override
        public Map<Key, Row> read(Collection<Key> keys) {
            return RecordRows.read(jdbc, "item_group_view", keys, ROW, Row::key);
        }

        @Override
        public List<Row> insert(List<Row> rows) {
            int[] inserted = jdbc.batchUpdate("INSERT INTO item_group_view (sid, org_id, order_sid, item_sid, "
                    + "unique_name, quantity, due_date, ship_date, delivery_date, shipped, delivered, tracking_number, "
                    + "last_update_date, estimated_arrival_date, status, event_relations, deleted, version, created, "
                    + "updated) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? "
                    + "WHERE NOT EXISTS (SELECT 1 FROM item_group_view WHERE org_id = ? AND sid = ?)",
                    rows.stream().map(row -> {
                        ItemGroupDetails d = row.details();
                        return new Object[]{row.key().sid(), row.key().orgId(), row.orderSid(), row.itemSid(),
                                d.uniqueName(), d.quantity(), d.dueDate(), d.shipDate(), d.deliveryDate(),
                                d.shipped(), d.delivered(), d.trackingNumber(), Rows.at(d.lastUpdateDate()),
                                d.estimatedArrivalDate(), d.status().value(), Rows.relations(d.eventRelations()),
                                row.deleted(), row.version(), Rows.at(row.created()), Rows.at(row.updated()),
                                row.key().orgId(), row.key().sid()};
                    }).toList());
            return RecordRows.taken(rows, inserted);
        }

        @Override
        public void update(List<Row> rows) {
            jdbc.batchUpdate("UPDATE item_group_view SET unique_name = ?, quantity = ?, due_date = ?, "
                    + "ship_date = ?, delivery_date = ?, shipped = ?, delivered = ?, tracking_number = ?, "
                    + "last_update_date = ?, estimated_arrival_date = ?, status = ?, event_relations = ?, "
                    + "deleted = ?, version = ?, updated = ? WHERE org_id = ? AND sid = ? AND version < ?",
                    rows.stream().map(row -> {
                        ItemGroupDetails d = row.details();
                        return new Object[]{d.uniqueName(), d.quantity(), d.dueDate(), d.shipDate(),
                                d.deliveryDate(), d.shipped(), d.delivered(), d.trackingNumber(),
                                Rows.at(d.lastUpdateDate()), d.estimatedArrivalDate(), d.status().value(),
                                Rows.relations(d.eventRelations()), row.deleted(), row.version(),
                                Rows.at(row.updated()), row.key().orgId(), row.key().sid(), row.version()};
                    }).toList());
        }

        private static LocalDate date(java.sql.Date date) {
            return date == null ? null : date.toLocalDate();
        }

        private static Instant instant(java.sql.Timestamp timestamp) {
            return timestamp == null ? null : timestamp.toInstant();
        }
    }
}
