package io.waybill.api.inventory;

import java.math.BigDecimal;
import java.util.List;

/**
 * The drift check: the balances recomputed from the ledgers' events, compared with the balances the read model
 * shows. Only the events the read model has applied are counted, so lag is not mistaken for drift:
 * {@code pendingEvents} says how many it has yet to apply. Healthy is no differences.
 */
public record LedgerVerification(int checkedItems, int checkedBalances, List<Difference> differences,
                                 long pendingEvents) {

    /** One balance that is not what the events say: {@code expected} from the events, {@code actual} shown. */
    public record Difference(String itemId, String locationId, Bucket bucket, BigDecimal expected,
                             BigDecimal actual) {
    }
}
