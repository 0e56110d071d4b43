package io.waybill.api.workorder;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;

/**
 * A material the work order needs: its lines' quantities times their BOMs' quantity per unit, summed
 * ({@code quantityRequired}), and what its receipts consumed of it. Reads add what the order holds in the ledger at
 * its work site: {@code quantityAllocated}, and {@code shortage}, what it still demands and could not allocate.
 * Writes leave those two out: the ledger decides them just after the write.
 */
public record WorkOrderInputView(String materialId, BigDecimal quantityRequired, BigDecimal quantityConsumed,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal quantityAllocated,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal shortage) {

    /** As a write answers it: required and consumed only. */
    public WorkOrderInputView(String materialId, BigDecimal quantityRequired, BigDecimal quantityConsumed) {
        this(materialId, quantityRequired, quantityConsumed, null, null);
    }
}
