package io.waybill.command.purchaseorder;

import io.waybill.api.DomainException;
import io.waybill.api.purchaseorder.PurchaseOrderLine;
import io.waybill.api.purchaseorder.TargetType;
import io.waybill.api.purchaseorder.UpdatePurchaseOrderItem;
import io.waybill.command.catalog.CatalogKinds;
import io.waybill.command.registry.CatalogReferences;
import io.waybill.command.registry.EntityRegistry;
import io.waybill.command.support.RecordFields;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The lines of one purchase order, in the order they were added, and the rules about them. */
final class PurchaseOrderLines {

    /** A line as the order holds it, with when it was added and last changed. */
    record Existing(PurchaseOrderLine line, Instant created, Instant updated) {
    }

    /** A requested change of a line: the line before, after, and which fields differ. */
    record LineChange(PurchaseOrderLine before, PurchaseOrderLine line, List<String> changedFields) {
    }

    private final Map<String, Existing> lines = new LinkedHashMap<>();

    /** Claims a new line's id and puts its material or SKU in use; the item must be of the order's target type. */
    static void register(PurchaseOrderLine line, String orgId, String purchaseOrderId, TargetType type,
                         EntityRegistry registry, CatalogReferences references) {
        references.use(orgId, CatalogKinds.of(type.itemKind()), line.itemId(), purchaseOrderId);
        registry.register(line.lineId(), orgId, PurchaseOrderKinds.PURCHASE_ORDER_ITEM, purchaseOrderId, null);
    }

    static void requireDistinct(List<PurchaseOrderLine> items) {
        Set<String> ids = new HashSet<>();
        for (PurchaseOrderLine line : items) {
            if (!ids.add(line.lineId())) {
                throw DomainException.invalid("items", "line id " + line.lineId() + " is given twice");
            }
        }
    }

    /** Whether two lists hold the same lines, item, quantity and unit cost alike, whatever their ids. */
    static boolean sameLines(List<PurchaseOrderLine> a, List<PurchaseOrderLine> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!RecordFields.changed(a.get(i), b.get(i), "lineId").isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Refuses a line whose item is named by the field of another target type. */
    static void requireNamedBy(TargetType target, TargetType named) {
        if (named != target) {
            throw DomainException.invalid(named.itemField(), "a purchase order of " + target.value()
                    + " names its items by " + target.itemField());
        }
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    List<PurchaseOrderLine> all() {
        return lines.values().stream().map(Existing::line).toList();
    }

    List<String> ids() {
        return List.copyOf(lines.keySet());
    }

    Existing find(String lineId) {
        return lines.get(lineId);
    }

    Existing require(String lineId) {
        Existing line = lines.get(lineId);
        if (line == null) {
            throw DomainException.notFound("purchase order item", lineId);
        }
        return line;
    }

    /** A line added again with the same id must be the same line: another one is a conflict. */
    void requireSame(Existing existing, PurchaseOrderLine again) {
        if (!sameLines(List.of(existing.line()), List.of(again))) {
            throw DomainException.conflict("id " + again.lineId() + " is already used by another line",
                    Map.of("id", again.lineId()));
        }
    }

    LineChange change(UpdatePurchaseOrderItem command) {
        PurchaseOrderLine before = require(command.lineId()).line();
        PurchaseOrderLine after = new PurchaseOrderLine(before.lineId(),
                command.itemId() == null ? before.itemId() : command.itemId(),
                command.quantity() == null ? before.quantity() : command.quantity(),
                io.waybill.api.Change.apply(command.unitCost(), before.unitCost()));
        return new LineChange(before, after, RecordFields.changed(before, after));
    }

    /** Releases an item no other line of the order uses any more. */
    void releaseIfUnused(String itemId, String leavingLine, CatalogReferences references, String purchaseOrderId) {
        boolean stillUsed = lines.values().stream().anyMatch(other -> !other.line().lineId().equals(leavingLine)
                && other.line().itemId().equals(itemId));
        if (!stillUsed) {
            references.release(itemId, purchaseOrderId);
        }
    }

    void added(PurchaseOrderLine line, Instant at) {
        lines.put(line.lineId(), new Existing(line, at, at));
    }

    void changed(PurchaseOrderLine line, Instant at) {
        lines.computeIfPresent(line.lineId(), (id, existing) -> new Existing(line, existing.created(), at));
    }

    void removed(String lineId) {
        lines.remove(lineId);
    }
}
