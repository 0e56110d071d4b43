package io.waybill.query.inventory;

import io.waybill.api.inventory.BalanceView;
import io.waybill.api.inventory.ItemKind;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.List;

/**
 * Reads balances without blocking: now from {@code inventory_balance}; as of a date by summing the deltas of the
 * entries dated on or before it, so a backdated entry counts on its own date without any re-projection.
 */
@Repository
class BalanceRepository {

    private final DatabaseClient client;

    BalanceRepository(DatabaseClient client) {
        this.client = client;
    }

    Mono<List<BalanceView>> summary(String orgId, ItemKind kind, String itemId, String locationId, LocalDate asOf) {
        String select = asOf == null
                ? "SELECT d.* FROM inventory_balance d"
                : "SELECT d.item_kind, d.item_id, d.location_id, " + BalanceColumns.sums()
                + " FROM ledger_balance_delta d";
        StringBuilder sql = new StringBuilder(select).append(" WHERE d.org_id = :org AND d.item_kind = :kind");
        if (itemId != null) {
            sql.append(" AND d.item_id = :item");
        }
        if (locationId != null) {
            sql.append(" AND d.location_id = :location");
        }
        if (asOf != null) {
            sql.append(" AND d.event_date <= :asOf GROUP BY d.item_kind, d.item_id, d.location_id");
        }
        sql.append(" ORDER BY d.item_id, d.location_id");
        var spec = client.sql(sql.toString()).bind("org", orgId).bind("kind", kind.name());
        if (itemId != null) {
            spec = spec.bind("item", itemId);
        }
        if (locationId != null) {
            spec = spec.bind("location", locationId);
        }
        if (asOf != null) {
            spec = spec.bind("asOf", asOf);
        }
        return spec.map((row, meta) -> BalanceColumns.view(row)).all().collectList();
    }
}
