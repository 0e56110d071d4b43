package io.waybill.command.workorder;

import io.waybill.api.Change;
import io.waybill.api.DomainException;
import io.waybill.api.inventory.EntryType;
import io.waybill.api.inventory.PostingPlan;
import io.waybill.api.inventory.StockPosting;
import io.waybill.api.workorder.WorkOrderFullyReceived;
import io.waybill.api.workorder.WorkOrderPartlyReceived;
import io.waybill.api.workorder.WorkOrderReceipt;
import io.waybill.api.workorder.WorkOrderReceiptChanged;
import io.waybill.api.workorder.WorkOrderReceiptDeleted;
import io.waybill.api.workorder.WorkOrderReceiptLine;
import io.waybill.api.workorder.WorkOrderReceiptMoveRefused;
import io.waybill.api.workorder.WorkOrderReceiptRecorded;
import io.waybill.api.workorder.WorkOrderReceiptRefused;
import io.waybill.api.workorder.WorkOrderReceiptRestored;
import io.waybill.api.workorder.WorkOrderReopened;
import io.waybill.api.workorder.WorkOrderStatus;
import io.waybill.command.registry.EntityRegistry;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Receipts of a work order: taking in made units (they produce the SKUs and consume the materials), changing, moving
 * to another date, deleting (reversing both), and what the posting process reports back when a ledger refused a
 * receipt's entry.
 * Receipts move the order to Partial or Received, and a deletion back.
 */
final class WorkOrderReceiptCommands {

    private final String workOrderId;
    private final WorkOrderState state;
    private final Clock clock;

    WorkOrderReceiptCommands(String workOrderId, WorkOrderState state, Clock clock) {
        this.workOrderId = workOrderId;
        this.state = state;
        this.clock = clock;
    }

    /** What the receipt would post, decided but not recorded: its consumption is what the ledgers check first. */
    PostingPlan plan(WorkOrderReceipt receipt) {
        if (state.receipts().find(receipt.receiptId()) != null) {
            return new PostingPlan(List.of());
        }
        requireReceivable(receipt);
        return new PostingPlan(receiving(receipt).postings());
    }

    /** Takes the units in, or answers the receipt recorded under this id when it is the same. */
    void receive(WorkOrderReceipt receipt, EntityRegistry registry) {
        WorkOrderReceipt existing = state.receipts().find(receipt.receiptId());
        if (existing != null) {
            if (!existing.items().equals(receipt.items()) || !existing.receiptDate().equals(receipt.receiptDate())) {
                throw DomainException.conflict("receipt id " + receipt.receiptId() + " is already used by another "
                        + "receipt", Map.of("id", receipt.receiptId()));
            }
            return;
        }
        requireReceivable(receipt);
        registry.register(receipt.receiptId(), state.orgId(), WorkOrderKinds.WORK_ORDER_RECEIPT, workOrderId, null);
        WorkOrderStock.Batch batch = receiving(receipt);
        apply(new WorkOrderReceiptRecorded(workOrderId, receipt));
        state.post(batch, receipt.receiptDate(), receipt.receiptId());
        afterReceipts();
    }

    /**
     * The receipt's entries that moving it to {@code date} would date anew (none when that is its date): what their
     * ledgers are asked to check.
     */
    PostingPlan planMove(String receiptId, LocalDate date) {
        WorkOrderReceipt receipt = state.receipts().requireStanding(receiptId);
        if (date.equals(receipt.receiptDate())) {
            return new PostingPlan(List.of());
        }
        requireMovable(receiptId, date);
        return new PostingPlan(state.stock().moving(receiptId, date));
    }

    /**
     * Changes the receipt's notes, and moves it to {@code date} when that is not null: its productions and
     * consumptions are reversed on their date and posted again on the new one.
     */
    void change(String receiptId, Change<String> notes, LocalDate date) {
        WorkOrderReceipt receipt = state.receipts().requireStanding(receiptId);
        String next = Change.apply(notes, receipt.notes());
        boolean moves = date != null && !date.equals(receipt.receiptDate());
        if (moves) {
            requireMovable(receiptId, date);
        } else if (Objects.equals(next, receipt.notes())) {
            return;
        }
        apply(new WorkOrderReceiptChanged(workOrderId, receiptId, next, moves ? date : null));
        if (moves) {
            state.postMove(state.batch().move(receiptId, date), date, receiptId, receipt.receiptDate());
        }
    }

    /**
     * A ledger refused an entry of the receipt's move from {@code movedFrom}: of the move's {@code postings}, the first
     * {@code posted} were recorded and are undone, and the receipt is dated {@code movedFrom} again.
     */
    void revertMove(String receiptId, LocalDate movedFrom, int posted, String reason, List<StockPosting> postings) {
        if (!state.receipts().stands(receiptId) || state.stock().dropped(postings.get(posted).entryId())) {
            return;
        }
        LocalDate movedTo = state.receipts().receipt(receiptId).receiptDate();
        apply(new WorkOrderReceiptMoveRefused(workOrderId, receiptId, movedFrom, reason,
                postings.subList(posted, postings.size())));
        state.postMove(state.batch().undo(postings.subList(0, posted)), movedFrom, receiptId, movedTo);
    }

    /** The receipt's productions that deleting it would reverse: what the SKUs' ledgers are asked to check. */
    PostingPlan planDeletion(String receiptId) {
        requireDeletable(receiptId);
        return new PostingPlan(state.stock().receiptEntries(receiptId).stream()
                .filter(entry -> entry.type() == EntryType.PRODUCE).toList());
    }

    void delete(String receiptId) {
        requireDeletable(receiptId);
        WorkOrderStock.Batch batch = state.batch().reverse(receiptId);
        apply(new WorkOrderReceiptDeleted(workOrderId, receiptId));
        state.post(batch, today(), receiptId);
        afterReceipts();
    }

    /** A ledger refused the receipt's entry after the first {@code posted}: those are reversed, the receipt goes. */
    void refuse(String receiptId, int posted, String reason) {
        if (!state.receipts().stands(receiptId)) {
            return;
        }
        List<StockPosting> entries = state.stock().receiptEntries(receiptId);
        WorkOrderStock.Batch batch = state.batch().reverseFirst(receiptId, posted);
        apply(new WorkOrderReceiptRefused(workOrderId, receiptId, reason, entries.subList(posted, entries.size())));
        state.post(batch, today(), receiptId);
        afterReceipts();
    }

    /**
     * A ledger refused the deletion's reversal after the first {@code reversed}: the receipt is back, and what was
     * reversed of it is posted again.
     */
    void restore(String receiptId, int reversed, String reason) {
        if (state.receipts().stands(receiptId)) {
            return;
        }
        List<StockPosting> deletion = state.stock().deletion(receiptId);
        Map<String, StockPosting> originals = new HashMap<>();
        state.stock().receiptEntriesEver(receiptId).forEach(entry -> originals.put(entry.entryId(), entry));
        List<StockPosting> again = deletion.subList(0, reversed).stream()
                .map(reversal -> originals.get(reversal.reversedEntryId())).toList();
        apply(new WorkOrderReceiptRestored(workOrderId, receiptId, reason, deletion.subList(reversed,
                deletion.size())));
        state.post(state.batch().repost(again), today(), receiptId);
        afterReceipts();
    }

    private WorkOrderStock.Batch receiving(WorkOrderReceipt receipt) {
        Map<String, String> skuOfLine = new LinkedHashMap<>();
        receipt.items().forEach(item -> skuOfLine.put(item.workOrderItemId(),
                state.lines().require(item.workOrderItemId()).skuId()));
        return state.batch().receive(receipt, state.lines().consumption(receipt.items()), skuOfLine);
    }

    /**
     * A receipt is taken while the order is placed and open and not yet received in full; its lines are the order's,
     * each taking in at most what it still lacks; it is not dated in the future.
     */
    private void requireReceivable(WorkOrderReceipt receipt) {
        WorkOrderStatus status = state.status();
        if (!status.open() || status == WorkOrderStatus.RECEIVED) {
            throw WorkOrderCommands.refused("a work order that is " + status.label() + " takes no receipts; it "
                    + "takes them once placed, until it is received in full, completed or cancelled");
        }
        if (receipt.receiptDate().isAfter(today())) {
            throw DomainException.invalid("receiptDate", "must not be in the future");
        }
        Map<String, BigDecimal> taken = new HashMap<>();
        for (int i = 0; i < receipt.items().size(); i++) {
            WorkOrderReceiptLine item = receipt.items().get(i);
            BigDecimal remaining;
            try {
                remaining = state.lines().remaining(item.workOrderItemId());
            } catch (DomainException notOurs) {
                throw DomainException.invalid("items[" + i + "].workOrderItemId", "is not a line of work order "
                        + workOrderId);
            }
            BigDecimal total = taken.merge(item.workOrderItemId(), item.quantity(), BigDecimal::add);
            if (total.compareTo(remaining) > 0) {
                throw DomainException.invalid("items[" + i + "].quantity", "the line has "
                        + remaining.max(BigDecimal.ZERO).toPlainString() + " left to take in");
            }
        }
    }

    /** A receipt moves while it could be deleted, to a date not in the future. */
    private void requireMovable(String receiptId, LocalDate date) {
        requireDeletable(receiptId);
        if (date.isAfter(today())) {
            throw DomainException.invalid("receiptDate", "must not be in the future");
        }
    }

    /** Receipts of an order still open can be deleted: a completed or cancelled order's receipts stand. */
    private void requireDeletable(String receiptId) {
        state.receipts().requireStanding(receiptId);
        if (!state.status().open()) {
            throw WorkOrderCommands.refused("the receipts of a work order that is " + state.status().label()
                    + " stand");
        }
    }

    /** Received in full, partly, or back to the status before the first receipt when none stands any more. */
    private void afterReceipts() {
        WorkOrderStatus current = state.status();
        if (!current.open()) {
            return;
        }
        WorkOrderStatus next = state.lines().fullyReceived() ? WorkOrderStatus.RECEIVED
                : state.lines().anyReceived() ? WorkOrderStatus.PARTIAL : state.beforeReceipts();
        if (next == current) {
            return;
        }
        Instant at = clock.instant();
        apply(switch (next) {
            case RECEIVED -> new WorkOrderFullyReceived(workOrderId, at);
            case PARTIAL -> new WorkOrderPartlyReceived(workOrderId, at);
            default -> new WorkOrderReopened(workOrderId, next, at);
        });
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC));
    }
}
