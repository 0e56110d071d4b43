package io.waybill.query.purchaseorders;

import io.waybill.api.DomainException;
import io.waybill.api.purchaseorder.PurchaseOrderStatus;
import io.waybill.api.purchaseorder.TargetType;
import io.waybill.query.support.Rows;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The filters of the purchase-order lists, read from the query string and checked; null or empty means "no
 * filter". {@code materialId} or {@code skuId} keeps the orders (or lines) of that item.
 */
record PurchaseOrderFilter(List<String> statuses, String vendorId, String targetType, String itemId,
                           LocalDate expectedBefore, String qPattern) {

    static PurchaseOrderFilter of(List<String> status, String vendorId, String targetType, String materialId,
                                  String skuId, String expectedBefore, String q) {
        List<String> statuses = status == null ? List.of() : status.stream().map(PurchaseOrderFilter::status).toList();
        if (materialId != null && skuId != null) {
            throw DomainException.invalid("materialId", "at most one of materialId and skuId");
        }
        return new PurchaseOrderFilter(statuses, vendorId, targetType == null ? null : target(targetType),
                materialId != null ? materialId : skuId, date("expectedBefore", expectedBefore),
                q == null || q.isBlank() ? null : Rows.containing(q.strip()));
    }

    private static String status(String label) {
        try {
            return PurchaseOrderStatus.of(label).label();
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("status", e.getMessage());
        }
    }

    private static String target(String value) {
        try {
            return TargetType.of(value).value();
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("targetType", e.getMessage());
        }
    }

    private static LocalDate date(String field, String value) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, "must be a date, YYYY-MM-DD");
        }
    }
}
