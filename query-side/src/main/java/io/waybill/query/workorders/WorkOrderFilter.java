package io.waybill.query.workorders;

import io.waybill.api.workorder.WorkOrderStatus;
import io.waybill.query.support.QueryParams;

import java.util.List;

/**
 * The filters of the work-order list, read from the query string and checked; null or empty means "no filter".
 * {@code skuId} keeps the orders that make the SKU, {@code materialId} those whose lines need the material.
 */
record WorkOrderFilter(List<String> statuses, String skuId, String materialId, String workSiteLocationId) {

    static WorkOrderFilter of(List<String> status, String skuId, String materialId, String workSiteLocationId) {
        List<String> statuses = QueryParams.choices("status", status, WorkOrderStatus::of).stream()
                .map(WorkOrderStatus::label).toList();
        return new WorkOrderFilter(statuses, skuId, materialId, workSiteLocationId);
    }
}
