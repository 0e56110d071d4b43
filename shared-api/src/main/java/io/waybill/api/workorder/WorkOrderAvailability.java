package io.waybill.api.workorder;

import java.math.BigDecimal;
import java.util.List;

/**
 * Clear-to-build: what the order can make now at its work site with what it holds allocated and what is free there
 * (on hand less allocated). {@code clearToBuild} is whether all it still has to make can be made now. Per material:
 * what the rest needs, what the order holds, what is free, and the shortage. Per line: how many of its remaining
 * units can be made, each line as if it were built alone (lines sharing a material share it), and the material that
 * limits it.
 */
public record WorkOrderAvailability(String workOrderId, String workSiteLocationId, boolean clearToBuild,
                                    List<MaterialAvailability> materials, List<LineAvailability> lines) {

    public record MaterialAvailability(String materialId, BigDecimal needed, BigDecimal allocated,
                                       BigDecimal available, BigDecimal shortage) {
    }

    public record LineAvailability(String workOrderItemId, String skuId, BigDecimal remaining, BigDecimal canBuild,
                                   String limitedBy) {
    }
}
