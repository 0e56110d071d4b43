package io.waybill.command.inventory;

import io.waybill.api.inventory.BalanceChange;
import io.waybill.api.inventory.Bucket;
import io.waybill.api.inventory.EntryType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** What each movement type does to the balances, given the balances it finds. */
final class Movements {

    private Movements() {
    }

    /** What a movement may draw down of a bucket at a location. */
    @FunctionalInterface
    interface Drawable {
        BigDecimal of(String location, Bucket bucket);

        /** Whether a consumption beyond what it draws of allocated satisfies demand (a work order's own). */
        default boolean consumesDemand() {
            return false;
        }
    }

    /**
     * The exact changes of a movement of {@code quantity} (> 0, or the signed correction of an ADJUST). RECEIVE,
     * ALLOCATE and CONSUME draw down on order, demand and allocated only as far as the movement may
     * ({@code stock}; a work order's consumption draws its allocation, then its demand for the rest), and the releases (RELEASE_ORDER: what a purchase order no longer expects; RELEASE_DEMAND,
     * RELEASE_ALLOCATION: what a work order no longer needs) their bucket alike.
     */
    static List<BalanceChange> of(EntryType type, String location, String destination, BigDecimal quantity,
                                  Drawable stock) {
        List<BalanceChange> changes = new ArrayList<>();
        switch (type) {
            case ORDER -> add(changes, location, Bucket.ON_ORDER, quantity);
            case RECEIVE -> {
                add(changes, location, Bucket.ON_HAND, quantity);
                add(changes, location, Bucket.ON_ORDER, drawDown(stock, location, Bucket.ON_ORDER, quantity));
            }
            case DEMAND -> add(changes, location, Bucket.DEMAND, quantity);
            case ALLOCATE -> {
                add(changes, location, Bucket.ALLOCATED, quantity);
                add(changes, location, Bucket.DEMAND, drawDown(stock, location, Bucket.DEMAND, quantity));
            }
            case CONSUME -> {
                add(changes, location, Bucket.ON_HAND, quantity.negate());
                BigDecimal allocated = drawDown(stock, location, Bucket.ALLOCATED, quantity);
                add(changes, location, Bucket.ALLOCATED, allocated);
                if (stock.consumesDemand()) {
                    add(changes, location, Bucket.DEMAND, drawDown(stock, location, Bucket.DEMAND,
                            quantity.add(allocated)));
                }
            }
            case PRODUCE -> add(changes, location, Bucket.ON_HAND, quantity);
            case TRANSFER -> {
                add(changes, location, Bucket.ON_HAND, quantity.negate());
                add(changes, destination, Bucket.IN_TRANSIT, quantity);
            }
            case ADJUST -> add(changes, location, Bucket.ON_HAND, quantity);
            case DISPOSE -> add(changes, location, Bucket.ON_HAND, quantity.negate());
            case RELEASE_ORDER -> add(changes, location, Bucket.ON_ORDER,
                    drawDown(stock, location, Bucket.ON_ORDER, quantity));
            case RELEASE_DEMAND -> add(changes, location, Bucket.DEMAND,
                    drawDown(stock, location, Bucket.DEMAND, quantity));
            case RELEASE_ALLOCATION -> add(changes, location, Bucket.ALLOCATED,
                    drawDown(stock, location, Bucket.ALLOCATED, quantity));
            default -> throw new IllegalArgumentException(type + " is not a movement");
        }
        return List.copyOf(changes);
    }

    /** A transfer's arrival at its destination. */
    static List<BalanceChange> arrival(String destination, BigDecimal quantity) {
        return List.of(new BalanceChange(destination, Bucket.IN_TRANSIT, quantity.negate()),
                new BalanceChange(destination, Bucket.ON_HAND, quantity));
    }

    static List<BalanceChange> undo(List<BalanceChange> changes) {
        return changes.stream().map(c -> new BalanceChange(c.locationId(), c.bucket(), c.delta().negate())).toList();
    }

    /** The signed quantity an entry shows at its location: the net change of on hand, or else of its bucket. */
    static BigDecimal signedQuantity(EntryType type, BigDecimal quantity) {
        return switch (type) {
            case CONSUME, TRANSFER, DISPOSE, RELEASE_ORDER, RELEASE_DEMAND, RELEASE_ALLOCATION -> quantity.negate();
            default -> quantity;
        };
    }

    private static BigDecimal drawDown(Drawable stock, String location, Bucket bucket, BigDecimal quantity) {
        return stock.of(location, bucket).min(quantity).max(BigDecimal.ZERO).negate();
    }

    private static void add(List<BalanceChange> changes, String location, Bucket bucket, BigDecimal delta) {
        if (delta.signum() != 0) {
            changes.add(new BalanceChange(location, bucket, delta));
        }
    }
}
