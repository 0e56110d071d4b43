package io.waybill.query.items;

import io.waybill.api.order.ItemAdded;
import io.waybill.api.order.ItemCanceled;
import io.waybill.api.order.ItemDeleted;
import io.waybill.api.order.ItemDetails;
import io.waybill.api.order.ItemDetailsChanged;
import io.waybill.api.order.ItemReactivated;
import io.waybill.api.order.OrderDeleted;
import io.waybill.platform.axon.MessageMetadata;
import io.waybill.query.support.ReadModelTables;
import io.waybill.query.support.Rows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps {@code item_view}, a row per organisation and sid (ids a client chooses are unique per organisation only;
 * item events carry the organisation in their metadata). Items are members of their order, so their events carry
 * the order's sequence numbers; each row remembers the last one applied, so an event seen again changes nothing.
 */
@Component
@ProcessingGroup("items")
@ReadModelTables({"item_view"})
class ItemProjection {

    private static final String SET_DETAILS = "unique_name = ?, title = ?, quantity = ?, price_per_unit = ?, "
            + "non_recurring_cost = ?, lead_time = ?, ship_time = ?, line_number = ?, description = ?, "
            + "manufacturer_part_number = ?, revision = ?, event_relations = ?";
    private final JdbcTemplate jdbc;

    ItemProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ItemAdded event, @MetaDataValue(MessageMetadata.ORG_ID) String orgId, @SequenceNumber long seq,
            @Timestamp Instant at) {
        ItemDetails d = event.details();
        jdbc.update("INSERT INTO item_view (sid, org_id, order_sid, status, created, updated, last_seq, "
                        + "unique_name, title, quantity, price_per_unit, non_recurring_cost, lead_time, ship_time, "
                        + "line_number, description, manufacturer_part_number, revision, event_relations) "
                        + "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? "
                        + "WHERE NOT EXISTS (SELECT 1 FROM item_view WHERE org_id = ? AND sid = ?)",
                event.itemSid(), orgId, event.orderSid(), d.status().value(), Rows.at(at), Rows.at(at), seq,
                d.uniqueName(), d.title(), d.quantity(), d.pricePerUnit(), d.nonRecurringCost(), d.leadTime(),
                d.shipTime(), d.lineNumber(), d.description(), d.manufacturerPartNumber(), d.revision(),
                Rows.relations(d.eventRelations()), orgId, event.itemSid());
    }

    @EventHandler
    void on(ItemDetailsChanged event, @MetaDataValue(MessageMetadata.ORG_ID) String orgId,
            @SequenceNumber long seq, @Timestamp Instant at) {
        ItemDetails d = event.details();
        jdbc.update("UPDATE item_view SET " + SET_DETAILS + ", updated = ?, last_seq = ? WHERE org_id = ? "
                        + "AND sid = ? AND last_seq < ?", d.uniqueName(), d.title(), d.quantity(), d.pricePerUnit(),
                d.nonRecurringCost(), d.leadTime(), d.shipTime(), d.lineNumber(), d.description(),
                d.manufacturerPartNumber(), d.revision(), Rows.relations(d.eventRelations()), Rows.at(at), seq,
                orgId, event.itemSid(), seq);
    }

    @EventHandler
    void on(ItemCanceled event, @MetaDataValue(MessageMetadata.ORG_ID) String orgId, @SequenceNumber long seq,
            @Timestamp Instant at) {
        set(orgId, event.itemSid(), "status = 'canceled'", seq, at);
    }

    @EventHandler
    void on(ItemReactivated event, @MetaDataValue(MessageMetadata.ORG_ID) String orgId, @SequenceNumber long seq,
            @Timestamp Instant at) {
        set(orgId, event.itemSid(), "status = 'active'", seq, at);
    }

    @EventHandler
    void on(ItemDeleted event, @MetaDataValue(MessageMetadata.ORG_ID) String orgId, @SequenceNumber long seq,
            @Timestamp Instant at) {
        set(orgId, event.itemSid(), "deleted = TRUE", seq, at);
    }

    @EventHandler
    void on(OrderDeleted event, @MetaDataValue(MessageMetadata.ORG_ID) String orgId, @SequenceNumber long seq,
            @Timestamp Instant at) {
        jdbc.update("UPDATE item_view SET deleted = TRUE, updated = ?, last_seq = ? WHERE org_id = ? "
                + "AND order_sid = ? AND last_seq < ? AND deleted = FALSE", Rows.at(at), seq, orgId, event.orderSid(),
                seq);
    }

    private void set(String orgId, String itemSid, String assignment, long seq, Instant at) {
        jdbc.update("UPDATE item_view SET " + assignment + ", updated = ?, last_seq = ? WHERE org_id = ? AND sid = ? "
                + "AND last_seq < ?", Rows.at(at), seq, orgId, itemSid, seq);
    }
}
