package io.waybill.query.itemgroups;

import io.waybill.query.events.EventSource;
import org.springframework.context.annotation.Bean;
import io.waybill.api.LineStatus;
import io.waybill.api.itemgroup.ItemGroupCombinedInto;
import io.waybill.api.itemgroup.ItemGroupCreated;
import io.waybill.api.itemgroup.ItemGroupDeleted;
import io.waybill.api.itemgroup.ItemGroupDetails;
import io.waybill.api.itemgroup.ItemGroupEvent;
import io.waybill.api.itemgroup.ItemGroupEvolution;
import io.waybill.platform.axon.MessageMetadata;
import io.waybill.query.support.ReadModelTables;
import io.waybill.query.support.Rows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Keeps {@code item_group_view}, evolving each row with the same rules as the aggregate
 * ({@link ItemGroupEvolution}). A row is the organisation's lot of that sid (ids a client chooses are unique per
 * organisation only; a lot's events after its creation carry the organisation in their metadata only). A row's
 * {@code version} counts the events applied to it; an event whose version the row already has is skipped, so an
 * event seen again changes nothing.
 */
@Component
@ProcessingGroup("item-groups")
@ReadModelTables({"item_group_view"})
class ItemGroupProjection {

    private static final RowMapper<ItemGroupDetails> DETAILS = (rs, n) -> new ItemGroupDetails(
            rs.getString("unique_name"), rs.getBigDecimal("quantity"), date(rs.getDate("due_date")),
            date(rs.getDate("ship_date")), date(rs.getDate("delivery_date")), rs.getBoolean("shipped"),
            rs.getBoolean("delivered"), rs.getString("tracking_number"), instant(rs.getTimestamp("last_update_date")),
            date(rs.getDate("estimated_arrival_date")), LineStatus.of(rs.getString("status")),
            Rows.relations(rs.getString("event_relations")));
    private final JdbcTemplate jdbc;

    ItemGroupProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The aggregate whose events this projection reads, for the organisation's event list and stream. */
    @Bean
    static EventSource itemGroupEvents() {
        return new EventSource("ItemGroup", ItemGroupEvent.class);
    }

    @EventHandler
    void on(ItemGroupEvent event, @MetaDataValue(MessageMetadata.ORG_ID) String orgId, @SequenceNumber long seq,
            @Timestamp Instant at) {
        long version = seq + 1;
        if (event instanceof ItemGroupCreated created) {
            insert(created, at);
            return;
        }
        if (event instanceof ItemGroupDeleted || event instanceof ItemGroupCombinedInto) {
            jdbc.update("UPDATE item_group_view SET deleted = TRUE, version = ?, updated = ? "
                    + "WHERE org_id = ? AND sid = ? AND version < ?", version, Rows.at(at), orgId, event.itemGroupSid(),
                    version);
            return;
        }
        Optional<ItemGroupDetails> current = jdbc.query("SELECT * FROM item_group_view WHERE org_id = ? AND sid = ? "
                + "AND version < ?", DETAILS, orgId, event.itemGroupSid(), version).stream().findFirst();
        current.ifPresent(details -> update(orgId, event.itemGroupSid(), ItemGroupEvolution.apply(details, event),
                version, at));
    }

    private void insert(ItemGroupCreated event, Instant at) {
        ItemGroupDetails d = event.details();
        jdbc.update("INSERT INTO item_group_view (sid, org_id, order_sid, item_sid, unique_name, quantity, "
                        + "due_date, ship_date, delivery_date, shipped, delivered, tracking_number, last_update_date, "
                        + "estimated_arrival_date, status, event_relations, version, created, updated) "
                        + "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ? "
                        + "WHERE NOT EXISTS (SELECT 1 FROM item_group_view WHERE org_id = ? AND sid = ?)",
                event.itemGroupSid(), event.orgId(), event.orderSid(), event.itemSid(), d.uniqueName(), d.quantity(),
                d.dueDate(), d.shipDate(), d.deliveryDate(), d.shipped(), d.delivered(), d.trackingNumber(),
                Rows.at(d.lastUpdateDate()), d.estimatedArrivalDate(), d.status().value(),
                Rows.relations(d.eventRelations()), Rows.at(at), Rows.at(at), event.orgId(), event.itemGroupSid());
    }

    private void update(String orgId, String sid, ItemGroupDetails d, long version, Instant at) {
        jdbc.update("UPDATE item_group_view SET unique_name = ?, quantity = ?, due_date = ?, ship_date = ?, "
                        + "delivery_date = ?, shipped = ?, delivered = ?, tracking_number = ?, last_update_date = ?, "
                        + "estimated_arrival_date = ?, status = ?, event_relations = ?, version = ?, updated = ? "
                        + "WHERE org_id = ? AND sid = ? AND version < ?",
                d.uniqueName(), d.quantity(), d.dueDate(), d.shipDate(), d.deliveryDate(), d.shipped(), d.delivered(),
                d.trackingNumber(), Rows.at(d.lastUpdateDate()), d.estimatedArrivalDate(), d.status().value(),
                Rows.relations(d.eventRelations()), version, Rows.at(at), orgId, sid, version);
    }

    private static LocalDate date(java.sql.Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
