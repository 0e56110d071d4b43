package io.waybill.query.orders;

import io.waybill.query.support.KeysetQuery;
import io.r2dbc.spi.Row;
import io.waybill.api.Page;
import io.waybill.api.order.OrderView;
import io.waybill.platform.web.PageRequest;
import io.waybill.query.support.Rows;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import java.util.List;

/** Reads {@code order_view} without blocking. */
@Repository
public class OrderRepository {

    private static final String SELECT = "SELECT o.* FROM order_view o";
    private final DatabaseClient client;

    OrderRepository(DatabaseClient client) {
        this.client = client;
    }

    Mono<Page<OrderView>> list(String orgId, List<String> sids, String vendorSid, PageRequest page) {
        return KeysetQuery.live(SELECT, "o", orgId)
                .whereIn("o.sid", "sid", sids)
                .where("o.vendor_sid = :vendorSid", "vendorSid", vendorSid)
                .page(client, page, OrderRepository::view);
    }

    /** A live order by sid, or else by unique name. */
    public Mono<OrderView> find(String orgId, String sidOrUniqueName) {
        return client.sql(SELECT + " WHERE o.org_id = :org AND o.deleted = FALSE AND (o.sid = :key OR "
                        + "o.unique_name = :key) ORDER BY CASE WHEN o.sid = :key THEN 0 ELSE 1 END LIMIT 1")
                .bind("org", orgId).bind("key", sidOrUniqueName)
                .map((row, meta) -> view(row)).one();
    }

    /** An order by sid even if deleted (its history stays readable), or else a live one by unique name. */
    public Mono<String> findSidForHistory(String orgId, String sidOrUniqueName) {
        return client.sql("SELECT o.sid FROM order_view o WHERE o.org_id = :org AND (o.sid = :key OR "
                        + "(o.unique_name = :key AND o.deleted = FALSE)) "
                        + "ORDER BY CASE WHEN o.sid = :key THEN 0 ELSE 1 END LIMIT 1")
                .bind("org", orgId).bind("key", sidOrUniqueName)
                .map((row, meta) -> row.get("sid", String.class)).one();
    }

    static OrderView view(Row row) {
        return new OrderView(row.get("sid", String.class), row.get("org_id", String.class),
                row.get("unique_name", String.class), row.get("vendor_sid", String.class),
                row.get("vendor_name", String.class), row.get("title", String.class),
                Rows.relations(row.get("event_relations", String.class)), Rows.instant(row, "created"),
                Rows.instant(row, "updated"));
    }
}
