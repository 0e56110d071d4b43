package io.waybill.api.order;

import io.waybill.api.LineStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

public record ItemView(String sid, String orderSid, String organizationSid, String uniqueName, String title,
                       LineStatus status, BigDecimal quantity, BigDecimal pricePerUnit, BigDecimal nonRecurringCost,
                       Integer leadTime, Integer shipTime, Integer lineNumber, String description,
                       String manufacturerPartNumber, String revision, List<String> eventRelations,
                       Instant created, Instant updated) {

    public static ItemView of(String sid, String orderSid, String orgId, ItemDetails d, Instant created,
                              Instant updated) {
        return new ItemView(sid, orderSid, orgId, d.uniqueName(), d.title(), d.status(), d.quantity(),
                d.pricePerUnit(), d.nonRecurringCost(), d.leadTime(), d.shipTime(), d.lineNumber(), d.description(),
                d.manufacturerPartNumber(), d.revision(), d.eventRelations(), created, updated);
    }
}
