package io.waybill.api.inventory;

import java.util.List;

/** The entries a step would post, decided but not recorded: what the ledgers are asked to check first. */
public record PostingPlan(List<StockPosting> entries) {

    public PostingPlan {
        entries = List.copyOf(entries);
    }
}
