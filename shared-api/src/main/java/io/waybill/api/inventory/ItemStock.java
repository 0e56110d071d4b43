package io.waybill.api.inventory;

import java.math.BigDecimal;
import java.util.List;

/** An item's balances at each location where it has any, as its ledger holds them now. */
public record ItemStock(String itemId, List<LocationStock> locations) {

    public ItemStock {
        locations = List.copyOf(locations);
    }

    public record LocationStock(String locationId, BigDecimal onHand, BigDecimal onOrder, BigDecimal demand,
                                BigDecimal allocated) {
    }
}
