package io.waybill.query.itemgroups;

import io.waybill.query.support.KeysetQuery;
import io.r2dbc.spi.Row;
import io.waybill.api.LineStatus;
import io.waybill.api.Page;
import io.waybill.api.itemgroup.ItemGroupView;
import io.waybill.platform.web.PageRequest;
import io.waybill.query.support.Rows;
import io.waybill.query.support.SidOrUniqueName;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.LocalDate;

/** Reads {@code item_group_view} without blocking. */
@Repository
public class ItemGroupRepository {

    private static final String SELECT = "SELECT g.* FROM item_group_view g";
    private final DatabaseClient client;

    ItemGroupRepository(DatabaseClient client) {
        this.client = client;
    }

    Mono<Page<ItemGroupView>> list(String orgId, ItemGroupFilter filter, PageRequest page) {
        return KeysetQuery.live(SELECT, "g", orgId)
                .where("g.item_sid = :itemSid", "itemSid", filter.itemId())
                .where("g.order_sid = :orderSid", "orderSid", filter.orderId())
                .where("g.status <> :statusNot", "statusNot",
                        filter.statusNot() == null ? null : filter.statusNot().value())
                .where("g.item_sid IN (SELECT i.sid FROM item_view i WHERE i.org_id = :org AND i.title = :title)",
                        "title", filter.title())
                .page(client, page, ItemGroupRepository::view);
    }

    /**
     * A live lot by sid, or by unique name within the given item; {@code itemSid} null means by sid only.
     * {@code includeDeleted} finds deleted lots by sid too, for their history.
     */
    public Mono<ItemGroupView> find(String orgId, String sidOrUniqueName, String itemSid, boolean includeDeleted) {
        return SidOrUniqueName.find(client, SELECT, "g", "item_sid", orgId, sidOrUniqueName, itemSid,
                includeDeleted).map((row, meta) -> view(row)).one();
    }

    /** The sids of every lot, deleted or not, of an order or of an item: whose histories join theirs. */
    public Flux<String> sidsOf(String orgId, String column, String parentSid) {
        String where = "order".equals(column) ? "order_sid" : "item_sid";
        return client.sql("SELECT sid FROM item_group_view WHERE org_id = :org AND " + where + " = :parent")
                .bind("org", orgId).bind("parent", parentSid)
                .map((row, meta) -> row.get("sid", String.class)).all();
    }

    static ItemGroupView view(Row row) {
        return new ItemGroupView(row.get("sid", String.class), row.get("org_id", String.class),
                row.get("order_sid", String.class), row.get("item_sid", String.class),
                row.get("unique_name", String.class), Rows.decimal(row, "quantity"),
                row.get("due_date", LocalDate.class), row.get("ship_date", LocalDate.class),
                row.get("delivery_date", LocalDate.class), Rows.flag(row, "shipped"), Rows.flag(row, "delivered"),
                row.get("tracking_number", String.class), Rows.instant(row, "last_update_date"),
                row.get("estimated_arrival_date", LocalDate.class), LineStatus.of(row.get("status", String.class)),
                Rows.relations(row.get("event_relations", String.class)), row.get("version", Long.class),
                Rows.instant(row, "created"), Rows.instant(row, "updated"));
    }
}
