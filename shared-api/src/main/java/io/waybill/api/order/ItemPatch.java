package io.waybill.api.order;

import io.waybill.api.Change;
import io.waybill.api.LineStatus;

import java.math.BigDecimal;
import java.util.List;

/** A partial update of an order line: a null field is left as it is. */
public record ItemPatch(Change<String> uniqueName, Change<String> title, Change<LineStatus> status,
                        Change<BigDecimal> quantity, Change<BigDecimal> pricePerUnit,
                        Change<BigDecimal> nonRecurringCost, Change<Integer> leadTime, Change<Integer> shipTime,
                        Change<Integer> lineNumber, Change<String> description,
                        Change<String> manufacturerPartNumber, Change<String> revision,
                        Change<List<String>> eventRelations) {
}
