package io.waybill.command.inventory;

import io.waybill.api.DomainException;
import io.waybill.api.ErrorCode;
import io.waybill.api.inventory.BalanceChange;
import io.waybill.api.inventory.Bucket;
import io.waybill.api.inventory.ItemStock;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * An item's balances at each location, and its on hand per business date, so that a backdated entry is checked
 * against the stock of its own date and every date after it: on hand stays >= 0 on every date, and nothing takes
 * stock that is allocated (on hand >= allocated now).
 */
final class Stock {

    private final Map<String, Map<Bucket, BigDecimal>> balances = new HashMap<>();
    private final Map<String, NavigableMap<LocalDate, BigDecimal>> onHandByDate = new HashMap<>();

    BigDecimal get(String locationId, Bucket bucket) {
        Map<Bucket, BigDecimal> at = balances.get(locationId);
        return at == null ? BigDecimal.ZERO : at.getOrDefault(bucket, BigDecimal.ZERO);
    }

    /** The balances at each location where the item has any. */
    List<ItemStock.LocationStock> locations() {
        return balances.keySet().stream().sorted().map(location -> new ItemStock.LocationStock(location,
                get(location, Bucket.ON_HAND), get(location, Bucket.ON_ORDER), get(location, Bucket.DEMAND),
                get(location, Bucket.ALLOCATED))).toList();
    }

    /** Refuses changes that would overdraw stock ({@code insufficient_stock}) or leave another balance < 0. */
    void check(List<BalanceChange> changes, LocalDate eventDate) {
        Map<String, Map<Bucket, BigDecimal>> after = new LinkedHashMap<>();
        for (BalanceChange change : changes) {
            after.computeIfAbsent(change.locationId(), l -> new EnumMap<>(Bucket.class))
                    .merge(change.bucket(), change.delta(), BigDecimal::add);
        }
        after.forEach((location, deltas) -> checkLocation(location, deltas, eventDate));
    }

    void apply(List<BalanceChange> changes, LocalDate eventDate) {
        for (BalanceChange change : changes) {
            balances.computeIfAbsent(change.locationId(), l -> new EnumMap<>(Bucket.class))
                    .merge(change.bucket(), change.delta(), BigDecimal::add);
            if (change.bucket() == Bucket.ON_HAND) {
                onHandByDate.computeIfAbsent(change.locationId(), l -> new TreeMap<>())
                        .merge(eventDate, change.delta(), BigDecimal::add);
            }
        }
    }

    /**
     * Refuses to date an on-hand change of {@code delta} at the location, now dated {@code from}, {@code to} instead
     * when on hand would fall below zero on a date in between: a receipt moved later leaves its units out until then,
     * a consumption moved earlier takes its materials from then.
     */
    void checkMove(String location, BigDecimal delta, LocalDate from, LocalDate to) {
        if (delta.signum() > 0 && to.isAfter(from)) {
            checkBetween(location, delta.negate(), from, to);
        } else if (delta.signum() < 0 && to.isBefore(from)) {
            checkBetween(location, delta, to, from);
        }
    }

    /** On hand on every date from {@code start} up to (not including) {@code end} must cover the decrease. */
    private void checkBetween(String location, BigDecimal decrease, LocalDate start, LocalDate end) {
        NavigableMap<LocalDate, BigDecimal> byDate = onHandByDate.getOrDefault(location, new TreeMap<>());
        BigDecimal running = byDate.headMap(start, true).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        LocalDate day = start;
        for (var entry : byDate.subMap(start, false, end, false).entrySet()) {
            if (running.add(decrease).signum() < 0) {
                break;
            }
            running = running.add(entry.getValue());
            day = entry.getKey();
        }
        if (running.add(decrease).signum() < 0) {
            throw insufficient(location, running, decrease.negate(), day);
        }
    }

    private void checkLocation(String location, Map<Bucket, BigDecimal> deltas, LocalDate eventDate) {
        for (var delta : deltas.entrySet()) {
            if (delta.getKey() != Bucket.ON_HAND && get(location, delta.getKey()).add(delta.getValue()).signum() < 0) {
                throw new DomainException(ErrorCode.INVALID_TRANSITION, "this would take "
                        + delta.getKey().name().toLowerCase().replace('_', ' ') + " at location " + location
                        + " below zero", Map.of("locationId", location, "bucket", delta.getKey().name()));
            }
        }
        BigDecimal onHandDelta = deltas.getOrDefault(Bucket.ON_HAND, BigDecimal.ZERO);
        BigDecimal allocatedDelta = deltas.getOrDefault(Bucket.ALLOCATED, BigDecimal.ZERO);
        BigDecimal available = get(location, Bucket.ON_HAND).subtract(get(location, Bucket.ALLOCATED));
        BigDecimal availableAfter = available.add(onHandDelta).subtract(allocatedDelta);
        if (availableAfter.signum() < 0 && availableAfter.compareTo(available) < 0) {
            throw insufficient(location, available, available.subtract(availableAfter), null);
        }
        if (onHandDelta.signum() < 0) {
            checkHistory(location, onHandDelta, eventDate);
        }
    }

    /** On hand as of {@code eventDate} and every later date must cover the decrease. */
    private void checkHistory(String location, BigDecimal decrease, LocalDate eventDate) {
        checkBetween(location, decrease, eventDate, LocalDate.MAX);
    }

    private static DomainException insufficient(String location, BigDecimal available, BigDecimal requested,
                                                LocalDate asOf) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("locationId", location);
        details.put("available", available.toPlainString());
        details.put("requested", requested.toPlainString());
        if (asOf != null) {
            details.put("asOf", asOf.toString());
        }
        return new DomainException(ErrorCode.INSUFFICIENT_STOCK, "not enough stock at location " + location
                + (asOf == null ? "" : " on " + asOf) + ": " + available.toPlainString() + " available, "
                + requested.toPlainString() + " requested", details);
    }
}
