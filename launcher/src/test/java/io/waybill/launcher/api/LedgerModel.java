package io.waybill.launcher.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ledger rules written down a second time, independently of the service, as the oracle of the randomized
 * test: given a movement, whether it is accepted and what it does to the balances.
 */
final class LedgerModel {

    static final List<String> BUCKETS = List.of("onHand", "inTransit", "onOrder", "demand", "allocated");

    /** One balance change: item, location, bucket and signed delta. */
    record Change(String item, String location, String bucket, BigDecimal delta) {
    }

    /** An accepted entry: its changes, and what has happened to it since. */
    static final class Entry {
        final String type;
        final List<Change> changes;
        final String transferRef;
        boolean reversed;
        Entry arrival;
        boolean isArrival;

        Entry(String type, List<Change> changes, String transferRef) {
            this.type = type;
            this.changes = changes;
            this.transferRef = transferRef;
        }
    }

    private final Map<String, BigDecimal> balances = new HashMap<>();

    BigDecimal get(String item, String location, String bucket) {
        return balances.getOrDefault(key(item, location, bucket), BigDecimal.ZERO);
    }

    Map<String, BigDecimal> balances() {
        return balances;
    }

    static String key(String item, String location, String bucket) {
        return item + "|" + location + "|" + bucket;
    }

    /** The changes of a movement, or null when it must be refused. */
    List<Change> movement(String type, String item, String at, String to, BigDecimal q) {
        BigDecimal available = get(item, at, "onHand").subtract(get(item, at, "allocated"));
        List<Change> changes = new ArrayList<>();
        switch (type) {
            case "ORDER" -> changes.add(new Change(item, at, "onOrder", q));
            case "RECEIVE" -> {
                changes.add(new Change(item, at, "onHand", q));
                changes.add(new Change(item, at, "onOrder", get(item, at, "onOrder").min(q).negate()));
            }
            case "DEMAND" -> changes.add(new Change(item, at, "demand", q));
            case "ALLOCATE" -> {
                if (q.compareTo(available) > 0) {
                    return null;
                }
                changes.add(new Change(item, at, "allocated", q));
                changes.add(new Change(item, at, "demand", get(item, at, "demand").min(q).negate()));
            }
            case "CONSUME" -> {
                if (q.compareTo(get(item, at, "onHand")) > 0) {
                    return null;
                }
                changes.add(new Change(item, at, "onHand", q.negate()));
                changes.add(new Change(item, at, "allocated", get(item, at, "allocated").min(q).negate()));
            }
            case "TRANSFER" -> {
                if (q.compareTo(available) > 0) {
                    return null;
                }
                changes.add(new Change(item, at, "onHand", q.negate()));
                changes.add(new Change(item, to, "inTransit", q));
            }
            case "ADJUST" -> {
                if (q.signum() < 0 && q.negate().compareTo(available) > 0) {
                    return null;
                }
                changes.add(new Change(item, at, "onHand", q));
            }
            case "DISPOSE" -> {
                if (q.compareTo(available) > 0) {
                    return null;
                }
                changes.add(new Change(item, at, "onHand", q.negate()));
            }
            case "RELEASE_ORDER" ->
                    changes.add(new Change(item, at, "onOrder", get(item, at, "onOrder").min(q).negate()));
            default -> throw new IllegalArgumentException(type);
        }
        return changes;
    }

    /** The changes undoing an entry, or null when it cannot be undone now. */
    List<Change> reversal(Entry entry) {
        if (entry.type.startsWith("REVERSE_") || entry.reversed || entry.isArrival) {
            return null;
        }
        List<Change> undo = new ArrayList<>();
        List<Change> done = new ArrayList<>(entry.changes);
        if (entry.arrival != null) {
            done.addAll(entry.arrival.changes);
        }
        for (Change c : done) {
            undo.add(new Change(c.item(), c.location(), c.bucket(), c.delta().negate()));
        }
        Map<String, BigDecimal> after = new HashMap<>();
        for (Change c : undo) {
            after.merge(key(c.item(), c.location(), c.bucket()), c.delta(), BigDecimal::add);
        }
        for (Change c : undo) {
            BigDecimal allocated = get(c.item(), c.location(), "allocated")
                    .add(after.getOrDefault(key(c.item(), c.location(), "allocated"), BigDecimal.ZERO));
            BigDecimal onHand = get(c.item(), c.location(), "onHand")
                    .add(after.getOrDefault(key(c.item(), c.location(), "onHand"), BigDecimal.ZERO));
            BigDecimal value = get(c.item(), c.location(), c.bucket())
                    .add(after.get(key(c.item(), c.location(), c.bucket())));
            boolean availableFell = onHand.subtract(allocated).compareTo(get(c.item(), c.location(), "onHand")
                    .subtract(get(c.item(), c.location(), "allocated"))) < 0;
            if (!"onHand".equals(c.bucket()) && value.signum() < 0
                    || availableFell && onHand.subtract(allocated).signum() < 0) {
                return null;
            }
        }
        return undo;
    }

    void apply(List<Change> changes) {
        for (Change c : changes) {
            balances.merge(key(c.item(), c.location(), c.bucket()), c.delta(), BigDecimal::add);
        }
    }
}
