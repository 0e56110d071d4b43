package io.waybill.command.inventory;

import io.waybill.api.inventory.BalanceChange;
import io.waybill.api.inventory.Bucket;
import io.waybill.api.inventory.EntryType;
import io.waybill.api.inventory.LedgerEntry;
import io.waybill.api.inventory.LedgerSources;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The item's demand and allocation that sources hold for themselves (work orders, see {@link LedgerSources}), per
 * source and location, summed from their entries' changes. A holding source's movement draws only on what it holds;
 * any other movement only on what no source holds; so no entry takes another's share, whatever the order they come
 * in.
 */
final class Reservations {

    private final Map<String, Map<String, Map<Bucket, BigDecimal>>> bySource = new HashMap<>();
    private final Map<String, Map<Bucket, BigDecimal>> held = new HashMap<>();

    /** What a movement posted by {@code sourceType}/{@code sourceId} may draw down of the bucket at the location. */
    Movements.Drawable drawable(String sourceType, String sourceId, Stock stock) {
        if (LedgerSources.holdsReservations(sourceType)) {
            Map<String, Map<Bucket, BigDecimal>> own = bySource.get(sourceId);
            return new Movements.Drawable() {
                @Override
                public BigDecimal of(String location, Bucket bucket) {
                    return get(own, location, bucket);
                }

                @Override
                public boolean consumesDemand() {
                    return true;
                }
            };
        }
        return (location, bucket) -> stock.get(location, bucket).subtract(get(held, location, bucket));
    }

    /**
     * The quantity a holding source's entry comes to: an {@code ALLOCATE} takes up to what the source still
     * demands and the location has available (on hand less allocated), a release up to what it holds; any other
     * entry its quantity. Zero means there is nothing to record.
     */
    BigDecimal resolve(EntryType type, String location, BigDecimal quantity, String sourceType, String sourceId,
                       Stock stock) {
        if (!LedgerSources.holdsReservations(sourceType)) {
            return quantity;
        }
        Map<String, Map<Bucket, BigDecimal>> own = bySource.get(sourceId);
        return switch (type) {
            case ALLOCATE -> quantity.min(get(own, location, Bucket.DEMAND))
                    .min(stock.get(location, Bucket.ON_HAND).subtract(stock.get(location, Bucket.ALLOCATED)))
                    .max(BigDecimal.ZERO);
            case RELEASE_DEMAND -> quantity.min(get(own, location, Bucket.DEMAND));
            case RELEASE_ALLOCATION -> quantity.min(get(own, location, Bucket.ALLOCATED));
            default -> quantity;
        };
    }

    void apply(LedgerEntry entry) {
        if (!LedgerSources.holdsReservations(entry.sourceType())) {
            return;
        }
        for (BalanceChange change : entry.changes()) {
            if (change.bucket() == Bucket.DEMAND || change.bucket() == Bucket.ALLOCATED) {
                add(bySource.computeIfAbsent(entry.sourceId(), id -> new HashMap<>()), change);
                add(held, change);
            }
        }
    }

    private static void add(Map<String, Map<Bucket, BigDecimal>> balances, BalanceChange change) {
        balances.computeIfAbsent(change.locationId(), l -> new EnumMap<>(Bucket.class))
                .merge(change.bucket(), change.delta(), BigDecimal::add);
    }

    private static BigDecimal get(Map<String, Map<Bucket, BigDecimal>> balances, String location, Bucket bucket) {
        Map<Bucket, BigDecimal> at = balances == null ? null : balances.get(location);
        return at == null ? BigDecimal.ZERO : at.getOrDefault(bucket, BigDecimal.ZERO);
    }
}
