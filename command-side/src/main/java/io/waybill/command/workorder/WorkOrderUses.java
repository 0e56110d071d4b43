package io.waybill.command.workorder;

import io.waybill.api.catalog.BomLine;
import io.waybill.api.catalog.CatalogKind;
import io.waybill.api.workorder.WorkOrderDetails;
import io.waybill.api.workorder.WorkOrderLine;
import io.waybill.command.catalog.CatalogKinds;
import io.waybill.command.registry.CatalogReferences;
import io.waybill.command.registry.Kind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog records a work order names (its work site, each line's SKU and the materials of its BOM), kept in
 * use while it names them: a change uses what it now names and frees what it no longer does.
 */
final class WorkOrderUses {

    private WorkOrderUses() {
    }

    static void sync(String orgId, String workOrderId, Map<String, Kind> before, Map<String, Kind> after,
                     CatalogReferences references) {
        before.keySet().stream().filter(id -> !after.containsKey(id))
                .forEach(id -> references.release(id, workOrderId));
        after.forEach((id, kind) -> {
            if (!before.containsKey(id)) {
                references.use(orgId, kind, id, workOrderId);
            }
        });
    }

    /** What the fields and lines name, each record once. */
    static Map<String, Kind> named(WorkOrderDetails details, List<WorkOrderLine> lines) {
        Map<String, Kind> named = new LinkedHashMap<>();
        if (details != null) {
            named.put(details.workSiteLocationId(), CatalogKinds.of(CatalogKind.LOCATION));
        }
        for (WorkOrderLine line : lines) {
            named.put(line.skuId(), CatalogKinds.of(CatalogKind.SKU));
            for (BomLine material : line.bom()) {
                named.put(material.materialId(), CatalogKinds.of(CatalogKind.MATERIAL));
            }
        }
        return named;
    }
}
