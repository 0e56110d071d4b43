package io.waybill.query.orders;

import io.waybill.api.order.OrderEvent;
import io.waybill.query.events.EventSource;
import org.springframework.context.annotation.Bean;
import io.waybill.api.order.OrderCreated;
import io.waybill.api.order.OrderDeleted;
import io.waybill.api.order.OrderDetails;
import io.waybill.api.order.OrderDetailsChanged;
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
 * Keeps {@code order_view}, a row per organisation and sid: ids a client chooses are unique per organisation only,
 * so every statement names both (events other than the create carry the organisation in their metadata only). Each
 * row remembers the sequence number of the last event applied to it, so an event seen again (a retried batch)
 * changes nothing.
 */
@Component
@ProcessingGroup("orders")
@ReadModelTables({"order_view"})
class OrderProjection {

    private final JdbcTemplate jdbc;

    OrderProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The aggregate whose events this projection reads, for the organisation's event list and stream. */
    @Bean
    static EventSource orderEvents() {
        return new EventSource("Order", OrderEvent.class);
    }

    @EventHandler
    void on(OrderCreated event, @SequenceNumber long seq, @Timestamp Instant at) {
        OrderDetails d = event.details();
        jdbc.update("INSERT INTO order_view (sid, org_id, unique_name, vendor_sid, vendor_name, title, "
                        + "event_relations, created, updated, last_seq) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ? "
                        + "WHERE NOT EXISTS (SELECT 1 FROM order_view WHERE org_id = ? AND sid = ?)",
                event.orderSid(), event.orgId(), d.uniqueName(), d.vendorSid(), d.vendorName(), d.title(),
                Rows.relations(d.eventRelations()), Rows.at(at), Rows.at(at), seq, event.orgId(), event.orderSid());
    }

    @EventHandler
    void on(OrderDetailsChanged event, @MetaDataValue(MessageMetadata.ORG_ID) String orgId,
            @SequenceNumber long seq, @Timestamp Instant at) {
        OrderDetails d = event.details();
        jdbc.update("UPDATE order_view SET unique_name = ?, vendor_sid = ?, vendor_name = ?, title = ?, "
                        + "event_relations = ?, updated = ?, last_seq = ? WHERE org_id = ? AND sid = ? "
                        + "AND last_seq < ?",
                d.uniqueName(), d.vendorSid(), d.vendorName(), d.title(), Rows.relations(d.eventRelations()),
                Rows.at(at), seq, orgId, event.orderSid(), seq);
    }

    @EventHandler
    void on(OrderDeleted event, @MetaDataValue(MessageMetadata.ORG_ID) String orgId, @SequenceNumber long seq,
            @Timestamp Instant at) {
        jdbc.update("UPDATE order_view SET deleted = TRUE, updated = ?, last_seq = ? WHERE org_id = ? AND sid = ? "
                + "AND last_seq < ?", Rows.at(at), seq, orgId, event.orderSid(), seq);
    }
}
