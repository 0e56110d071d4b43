package io.waybill.query.inventory;

import io.r2dbc.spi.Row;
import io.waybill.api.inventory.BalanceView;
import io.waybill.api.inventory.Bucket;
import io.waybill.api.inventory.ItemKind;
import io.waybill.query.support.Rows;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/** The balance columns of {@code inventory_balance} (and of the as-of sums, which use the same names). */
final class BalanceColumns {

    private BalanceColumns() {
    }

    static String of(Bucket bucket) {
        return switch (bucket) {
            case ON_HAND -> "on_hand";
            case IN_TRANSIT -> "in_transit";
            case ON_ORDER -> "on_order";
            case DEMAND -> "demand";
            case ALLOCATED -> "allocated";
        };
    }

    /** Every bucket's column as the sum of the deltas of that bucket, for a query over ledger_balance_delta. */
    static String sums() {
        StringBuilder sql = new StringBuilder();
        for (Bucket bucket : Bucket.values()) {
            sql.append(sql.isEmpty() ? "" : ", ").append("SUM(CASE WHEN d.bucket = '").append(bucket.name())
                    .append("' THEN d.delta ELSE 0 END) AS ").append(of(bucket));
        }
        return sql.toString();
    }

    static Map<Bucket, BigDecimal> amounts(Row row) {
        Map<Bucket, BigDecimal> amounts = new EnumMap<>(Bucket.class);
        for (Bucket bucket : Bucket.values()) {
            BigDecimal value = Rows.decimal(row, of(bucket));
            amounts.put(bucket, value == null ? BigDecimal.ZERO : value);
        }
        return amounts;
    }

    static BalanceView view(Row row) {
        ItemKind kind = ItemKind.valueOf(row.get("item_kind", String.class));
        String itemId = row.get("item_id", String.class);
        Map<Bucket, BigDecimal> a = amounts(row);
        return new BalanceView(kind, itemId, kind == ItemKind.MATERIAL ? itemId : null,
                kind == ItemKind.SKU ? itemId : null, row.get("location_id", String.class), a.get(Bucket.ON_HAND),
                a.get(Bucket.IN_TRANSIT), a.get(Bucket.ON_ORDER), a.get(Bucket.DEMAND), a.get(Bucket.ALLOCATED),
                plain(a.get(Bucket.ON_HAND).subtract(a.get(Bucket.ALLOCATED))));
    }

    /** The exact value without trailing zeros, as Rows.decimal answers. */
    static BigDecimal plain(BigDecimal value) {
        return new BigDecimal(value.stripTrailingZeros().toPlainString());
    }
}
