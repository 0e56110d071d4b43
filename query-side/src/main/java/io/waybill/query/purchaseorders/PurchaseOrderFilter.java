package io.waybill.query.purchaseorders;

import io.waybill.api.DomainException;
import io.waybill.api.purchaseorder.PurchaseOrderStatus;
import io.waybill.api.purchaseorder.TargetType;
import io.waybill.query.support.QueryParams;
import io.waybill.query.support.Rows;

import java.time.LocalDate;
import java.util.List;

/**
 * The filters of the purchase-order lists, read from the query string and checked; null or empty means "no
 * filter". {@code materialId} or {@code skuId} keeps the orders (or lines) of that item; archived orders are listed
 * only when asked for, and then only they.
 */
record PurchaseOrderFilter(List<String> statuses, String vendorId, String targetType, String itemId,
                           LocalDate expectedBefore, String qPattern, boolean archived) {

    static final PurchaseOrderFilter NONE = new PurchaseOrderFilter(List.of(), null, null, null, null, null, false);

    static PurchaseOrderFilter of(List<String> status, String vendorId, String targetType, String materialId,
                                  String skuId, String expectedBefore, String q, String archived) {
        List<String> statuses = QueryParams.choices("status", status, PurchaseOrderStatus::of).stream()
                .map(PurchaseOrderStatus::label).toList();
        if (materialId != null && skuId != null) {
            throw DomainException.invalid("materialId", "at most one of materialId and skuId");
        }
        TargetType target = QueryParams.choice("targetType", targetType, TargetType::of);
        return new PurchaseOrderFilter(statuses, vendorId, target == null ? null : target.value(),
                materialId != null ? materialId : skuId, QueryParams.date("expectedBefore", expectedBefore),
                q == null || q.isBlank() ? null : Rows.containing(q.strip()),
                Boolean.TRUE.equals(QueryParams.flag("archived", archived)));
    }
}
