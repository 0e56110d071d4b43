package io.waybill.command.purchaseorder;

import io.waybill.api.Change;
import io.waybill.api.purchaseorder.PurchaseOrderReceipt;
import io.waybill.api.purchaseorder.PurchaseOrderReceiptChanged;
import io.waybill.api.purchaseorder.PurchaseOrderReceiptDeleted;
import io.waybill.api.purchaseorder.PurchaseOrderReceiptRecorded;
import io.waybill.api.purchaseorder.PurchaseOrderReceiptRestored;
import io.waybill.api.purchaseorder.PurchaseOrderStatus;
import io.waybill.api.purchaseorder.PurchaseOrderStatusEvent;
import io.waybill.api.inventory.StockPosting;
import io.waybill.api.catalog.CatalogKind;
import io.waybill.command.catalog.CatalogKinds;
import io.waybill.command.registry.CatalogReferences;
import io.waybill.command.registry.EntityRegistry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The commands on a purchase order's receipts, decided against the order's state: a receipt is taken in while the
 * order is on order; deleted while it is partly or fully received (its entries reversed, last first, and its lines
 * expecting again what it took in); and brought back when a ledger refused the reversal. Each moves the order to
 * where its receipts leave it.
 */
final class PurchaseOrderReceiptCommands {

    /** Records what a receipt's step owes the ledger, dated {@code day}. */
    interface Poster {
        void post(PurchaseOrderStock.Batch batch, LocalDate day, String receiptId);
    }

    private final String purchaseOrderId;
    private final String orgId;
    private final PurchaseOrderLifecycle lifecycle;
    private final PurchaseOrderLines lines;
    private final PurchaseOrderStock stock;
    private final PurchaseOrderReceipts receipts;
    private final String shipTo;
    private final PurchaseOrderStock.Batch batch;
    private final Poster poster;
    private final Clock clock;

    PurchaseOrderReceiptCommands(String purchaseOrderId, String orgId, String shipToLocationId,
                                 PurchaseOrderLifecycle lifecycle, PurchaseOrderLines lines, PurchaseOrderStock stock,
                                 PurchaseOrderReceipts receipts, Poster poster, Clock clock) {
        this.purchaseOrderId = purchaseOrderId;
        this.orgId = orgId;
        this.lifecycle = lifecycle;
        this.lines = lines;
        this.stock = stock;
        this.receipts = receipts;
        this.shipTo = shipToLocationId;
        this.batch = stock.batch(purchaseOrderId, shipToLocationId);
        this.poster = poster;
        this.clock = clock;
    }

    /**
     * Takes the receipt in, at the ship-to location unless it names another of the organisation's locations (which
     * the order then keeps in use); the same receipt again changes nothing.
     */
    void receive(PurchaseOrderReceipt asked, EntityRegistry registry, CatalogReferences references) {
        PurchaseOrderReceipt receipt = asked.at(shipTo);
        if (receipts.holds(receipt)) {
            return;
        }
        lifecycle.requireReceiving();
        PurchaseOrderReceipts.check(receipt, lines, stock, clock);
        references.use(orgId, CatalogKinds.of(CatalogKind.LOCATION), receipt.locationId(), purchaseOrderId);
        registry.register(receipt.receiptId(), orgId, PurchaseOrderKinds.PURCHASE_ORDER_RECEIPT, purchaseOrderId,
                null);
        apply(new PurchaseOrderReceiptRecorded(purchaseOrderId, receipt));
        poster.post(batch.receive(receipt, lines), receipt.receiptDate(), receipt.receiptId());
        step();
    }

    /** Changes the receipt's notes, unless the change changes nothing; a locked or voided order refuses it. */
    void change(String receiptId, Change<String> notes) {
        PurchaseOrderReceipt receipt = receipts.requireLive(receiptId);
        String next = Change.apply(notes, receipt.notes());
        if (!Objects.equals(next, receipt.notes())) {
            lifecycle.requireChangeable("change its receipts");
            apply(new PurchaseOrderReceiptChanged(purchaseOrderId, receiptId, next));
        }
    }

    /** The entries deleting the receipt would reverse; refused as the deletion would be. */
    List<StockPosting> plan(String receiptId) {
        receipts.requireLive(receiptId);
        lifecycle.requireReceiptsChangeable();
        return stock.receiptEntries(receiptId);
    }

    void delete(String receiptId) {
        plan(receiptId);
        apply(new PurchaseOrderReceiptDeleted(purchaseOrderId, receiptId));
        poster.post(batch.reverse(receiptId, lines), LocalDate.now(clock), receiptId);
        step();
    }

    /**
     * Brings the deleted receipt back after a ledger refused its reversal: of the entries its deletion decided, the
     * first {@code reversed} were recorded (reversals only, as the settling comes after them) and are undone by
     * posting the reversed entries again; the others never will be.
     */
    void restore(String receiptId, int reversed, String reason) {
        if (!receipts.isDeleted(receiptId)) {
            return;
        }
        List<StockPosting> deletion = stock.deletion(receiptId);
        Map<String, StockPosting> originals = stock.receiptEntriesEver(receiptId).stream()
                .collect(Collectors.toMap(StockPosting::entryId, Function.identity()));
        int recorded = Math.min(reversed, deletion.size());
        apply(new PurchaseOrderReceiptRestored(purchaseOrderId, receiptId, reason,
                deletion.subList(recorded, deletion.size())));
        poster.post(batch.repost(deletion.subList(0, recorded).stream().filter(e -> e.reversedEntryId() != null)
                .map(reversal -> originals.get(reversal.reversedEntryId())).toList()), LocalDate.now(clock), receiptId);
        step();
    }

    /** Moves an order still open to receipts to where they (and its lines' quantities) leave it. */
    void step() {
        PurchaseOrderStatus status = lifecycle.status();
        if (status == PurchaseOrderStatus.PLANNING || status == PurchaseOrderStatus.PAID
                || status == PurchaseOrderStatus.CANCELLED) {
            return;
        }
        PurchaseOrderStatusEvent next = PurchaseOrderSteps.afterReceipts(purchaseOrderId, status,
                stock.fullyReceived(lines.all()), stock.anyReceived(lines.all()), lifecycle.beforeReceipts(),
                clock.instant());
        if (next != null) {
            apply(next);
        }
    }
}
