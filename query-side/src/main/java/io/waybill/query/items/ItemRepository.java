package io.waybill.query.items;

import io.waybill.query.support.KeysetQuery;
import io.r2dbc.spi.Row;
import io.waybill.api.LineStatus;
import io.waybill.api.Page;
import io.waybill.api.order.ItemView;
import io.waybill.platform.web.PageRequest;
import io.waybill.query.support.Rows;
import io.waybill.query.support.SidOrUniqueName;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Reads {@code item_view} without blocking. */
@Repository
public class ItemRepository {

    private static final String SELECT = "SELECT i.* FROM item_view i";
    private final DatabaseClient client;

    ItemRepository(DatabaseClient client) {
        this.client = client;
    }

    Mono<Page<ItemView>> list(String orgId, String orderSid, String vendorSid, PageRequest page) {
        return KeysetQuery.live(SELECT, "i", orgId)
                .where("i.order_sid = :orderSid", "orderSid", orderSid)
                .where("i.order_sid IN (SELECT o.sid FROM order_view o WHERE o.org_id = :org "
                        + "AND o.vendor_sid = :vendorSid)", "vendorSid", vendorSid)
                .page(client, page, ItemRepository::view);
    }

    /**
     * A live item by sid, or by unique name within the given order; {@code orderSid} null means by sid only.
     * {@code includeDeleted} finds deleted items by sid too, for their history.
     */
    public Mono<ItemView> find(String orgId, String sidOrUniqueName, String orderSid, boolean includeDeleted) {
        return SidOrUniqueName.find(client, SELECT, "i", "order_sid", orgId, sidOrUniqueName, orderSid,
                includeDeleted).map((row, meta) -> view(row)).one();
    }

    static ItemView view(Row row) {
        return new ItemView(row.get("sid", String.class), row.get("order_sid", String.class),
                row.get("org_id", String.class), row.get("unique_name", String.class),
                row.get("title", String.class), LineStatus.of(row.get("status", String.class)),
                Rows.decimal(row, "quantity"), Rows.decimal(row, "price_per_unit"),
                Rows.decimal(row, "non_recurring_cost"), Rows.integer(row, "lead_time"),
                Rows.integer(row, "ship_time"), Rows.integer(row, "line_number"),
                row.get("description", String.class), row.get("manufacturer_part_number", String.class),
                row.get("revision", String.class), Rows.relations(row.get("event_relations", String.class)),
                Rows.instant(row, "created"), Rows.instant(row, "updated"));
    }
}
