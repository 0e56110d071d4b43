package io.waybill.command.purchaseorder;

import io.waybill.api.DomainException;
import io.waybill.api.purchaseorder.PurchaseEvent;
import io.waybill.api.purchaseorder.PurchaseLineAdjusted;
import io.waybill.api.purchaseorder.PurchaseLineDivided;
import io.waybill.api.purchaseorder.PurchaseLineEvent;
import io.waybill.api.purchaseorder.PurchaseLineProgress;
import io.waybill.api.purchaseorder.PurchaseLinesCanceled;
import io.waybill.api.purchaseorder.PurchaseLinesCombined;
import io.waybill.api.purchaseorder.PurchaseLinesInvoiced;
import io.waybill.api.purchaseorder.PurchaseLinesShipped;
import io.waybill.api.purchaseorder.PurchaseOrderItemAdded;
import io.waybill.api.purchaseorder.PurchaseOrderItemChanged;
import io.waybill.api.purchaseorder.PurchaseOrderItemEvent;
import io.waybill.api.purchaseorder.PurchaseOrderItemRemoved;
import io.waybill.api.purchaseorder.PurchaseOrderLine;
import io.waybill.api.purchaseorder.TargetType;
import io.waybill.api.purchaseorder.UpdatePurchaseOrderItem;
import io.waybill.command.catalog.CatalogKinds;
import io.waybill.command.registry.CatalogReferences;
import io.waybill.command.registry.EntityRegistry;
import io.waybill.command.support.RecordFields;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** The lines of one purchase order, in the order they were added, and the rules about them. */
final class PurchaseOrderLines {

    /** A line as the order holds it, what purchase events said of it, when it was added and last changed. */
    record Existing(PurchaseOrderLine line, PurchaseLineProgress progress, Instant created, Instant updated) {

        Existing with(PurchaseOrderLine next, PurchaseLineProgress told, Instant at) {
            return new Existing(next, told, created, at);
        }

        /** The line ordering {@code quantity} instead. */
        PurchaseOrderLine ordering(BigDecimal quantity) {
            return new PurchaseOrderLine(line.lineId(), line.itemId(), quantity, line.unitCost());
        }
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

    /** A line added, changed or removed. */
    void on(PurchaseOrderItemEvent event, Instant at) {
        if (event instanceof PurchaseOrderItemAdded added) {
            added(added.line(), at);
        } else if (event instanceof PurchaseOrderItemChanged changed) {
            changed(changed.line(), at);
        } else if (event instanceof PurchaseOrderItemRemoved removed) {
            lines.remove(removed.lineId());
        }
    }

    void added(PurchaseOrderLine line, Instant at) {
        lines.put(line.lineId(), new Existing(line, PurchaseLineProgress.NONE, at, at));
    }

    private void changed(PurchaseOrderLine line, Instant at) {
        lines.computeIfPresent(line.lineId(), (id, existing) -> existing.with(line, existing.progress(), at));
    }

    /**
     * What a purchase event did to the lines: each line it names takes what it tells (tracking, dates, snooze), then
     * what its kind does: quantities shipped, invoiced or canceled, a line divided off, lines combined, a line
     * adjusted.
     */
    void told(PurchaseLineEvent event, Instant at) {
        PurchaseEvent told = event.event();
        told.lineIds().forEach(id -> progress(id, p -> p.told(told), at));
        if (event instanceof PurchaseLinesShipped shipped) {
            shipped.shipped().forEach(q -> progress(q.lineId(), p -> p.shipped(q.quantity()), at));
        } else if (event instanceof PurchaseLinesInvoiced invoiced) {
            invoiced.invoiced().forEach(q -> progress(q.lineId(), p -> p.invoiced(q.quantity()), at));
        } else if (event instanceof PurchaseLinesCanceled canceled) {
            canceled.canceled().forEach(q -> {
                Existing line = lines.get(q.lineId());
                lines.put(q.lineId(), line.with(line.ordering(line.line().quantity().subtract(q.quantity())),
                        line.progress().canceled(q.quantity()), at));
            });
        } else if (event instanceof PurchaseLineDivided divided) {
            Existing line = lines.get(told.lineIds().get(0));
            BigDecimal rest = line.line().quantity().subtract(divided.newLine().quantity());
            lines.put(line.line().lineId(), line.with(line.ordering(rest), line.progress(), at));
            lines.put(divided.newLine().lineId(), new Existing(divided.newLine(), line.progress().dividedOff(), at,
                    at));
        } else if (event instanceof PurchaseLinesCombined combined) {
            Existing first = lines.get(told.lineIds().get(0));
            PurchaseLineProgress progress = first.progress();
            for (String merged : told.lineIds().subList(1, told.lineIds().size())) {
                progress = progress.plus(lines.remove(merged).progress());
            }
            lines.put(first.line().lineId(), first.with(first.ordering(combined.quantity()), progress, at));
        } else if (event instanceof PurchaseLineAdjusted adjusted) {
            changed(adjusted.line(), at);
        }
    }

    private void progress(String lineId, UnaryOperator<PurchaseLineProgress> change, Instant at) {
        lines.computeIfPresent(lineId, (id, line) -> line.with(line.line(), change.apply(line.progress()), at));
    }
}
