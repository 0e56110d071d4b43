package io.waybill.command.workorder;

import io.waybill.api.DomainException;
import io.waybill.api.catalog.BomLine;
import io.waybill.api.workorder.WorkOrderInputView;
import io.waybill.api.workorder.WorkOrderItemView;
import io.waybill.api.workorder.WorkOrderLine;
import io.waybill.api.workorder.WorkOrderReceipt;
import io.waybill.api.workorder.WorkOrderReceiptLine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A work order's lines, what their receipts took in, and the materials they need: each line's quantity times its
 * BOM's quantity per unit, summed per material across lines, in the order the lines and their BOMs name them.
 */
final class WorkOrderLines {

    private record Line(WorkOrderLine line, Instant created, Instant updated) {
    }

    private final Map<String, Line> lines = new LinkedHashMap<>();
    private final Map<String, BigDecimal> received = new LinkedHashMap<>();

    void added(WorkOrderLine line, Instant at) {
        lines.put(line.lineId(), new Line(line, at, at));
    }

    void changed(WorkOrderLine line, Instant at) {
        lines.put(line.lineId(), new Line(line, lines.get(line.lineId()).created(), at));
    }

    void removed(String lineId) {
        lines.remove(lineId);
    }

    /** Counts a receipt's units in ({@code sign} 1) or out again (-1). */
    void received(WorkOrderReceipt receipt, int sign) {
        for (WorkOrderReceiptLine item : receipt.items()) {
            received.merge(item.workOrderItemId(), item.quantity().multiply(BigDecimal.valueOf(sign)),
                    BigDecimal::add);
        }
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    List<WorkOrderLine> all() {
        return lines.values().stream().map(Line::line).toList();
    }

    List<String> ids() {
        return List.copyOf(lines.keySet());
    }

    WorkOrderLine require(String lineId) {
        Line line = lines.get(lineId);
        if (line == null) {
            throw DomainException.notFound("work order item", lineId);
        }
        return line.line();
    }

    BigDecimal received(String lineId) {
        return received.getOrDefault(lineId, BigDecimal.ZERO);
    }

    /** What the line still has to take in. */
    BigDecimal remaining(String lineId) {
        return require(lineId).quantity().subtract(received(lineId));
    }

    boolean fullyReceived() {
        return lines.keySet().stream().allMatch(id -> remaining(id).signum() <= 0);
    }

    boolean anyReceived() {
        return lines.keySet().stream().anyMatch(id -> received(id).signum() > 0);
    }

    /** What all lines need of each material. */
    Map<String, BigDecimal> inputs() {
        return need(all());
    }

    /** What {@code units} of the lines' SKUs need of each material: the receipt's consumption. */
    Map<String, BigDecimal> consumption(List<WorkOrderReceiptLine> units) {
        Map<String, BigDecimal> need = new LinkedHashMap<>();
        for (WorkOrderReceiptLine unit : units) {
            for (BomLine material : require(unit.workOrderItemId()).bom()) {
                need.merge(material.materialId(), unit.quantity().multiply(material.quantityPerUnit()),
                        BigDecimal::add);
            }
        }
        return need;
    }

    List<WorkOrderItemView> views(String workOrderId) {
        return lines.keySet().stream().map(id -> view(workOrderId, id)).toList();
    }

    WorkOrderItemView view(String workOrderId, String lineId) {
        Line entry = lines.get(lineId);
        WorkOrderLine line = entry.line();
        return new WorkOrderItemView(lineId, workOrderId, line.skuId(), line.quantity(), line.conversionCost(),
                received(lineId), line.bom(), entry.created(), entry.updated());
    }

    /** The inputs as answered: required, and consumed by the receipts that stand ({@code consumed}). */
    List<WorkOrderInputView> inputViews(Map<String, BigDecimal> consumed) {
        return inputs().entrySet().stream().map(input -> new WorkOrderInputView(input.getKey(), input.getValue(),
                consumed.getOrDefault(input.getKey(), BigDecimal.ZERO))).toList();
    }

    static Map<String, BigDecimal> need(List<WorkOrderLine> lines) {
        Map<String, BigDecimal> need = new LinkedHashMap<>();
        for (WorkOrderLine line : lines) {
            for (BomLine material : line.bom()) {
                need.merge(material.materialId(), line.quantity().multiply(material.quantityPerUnit()),
                        BigDecimal::add);
            }
        }
        return need;
    }

    static void requireDistinct(List<WorkOrderLine> items) {
        Set<String> ids = new HashSet<>();
        for (WorkOrderLine line : items) {
            if (!ids.add(line.lineId())) {
                throw DomainException.invalid("items", "line id " + line.lineId() + " is given twice");
            }
        }
    }
}
