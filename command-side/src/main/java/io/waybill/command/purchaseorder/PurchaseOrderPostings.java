package io.waybill.command.purchaseorder;

import io.waybill.api.DomainError;
import io.waybill.api.inventory.LedgerId;
import io.waybill.api.inventory.RecordLedgerEntry;
import io.waybill.api.inventory.ReverseLedgerEntry;
import io.waybill.api.purchaseorder.RestorePurchaseOrderReceipt;
import io.waybill.api.purchaseorder.PurchaseOrderStockPosted;
import io.waybill.api.purchaseorder.StockPosting;
import io.waybill.platform.axon.CommandProcess;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Posts what purchase orders owe the inventory ledger: each {@link PurchaseOrderStockPosted} becomes the ledger
 * entries (or reversals) it names, in order, with the metadata (actor, correlation id) of the step that decided them.
 * A reversal the ledger refuses (a deleted receipt whose stock was used after the deletion was checked) brings the
 * receipt back instead of stopping: the order posts again what was reversed of it. Runs as a tracking processor on
 * the command side: its position moves only after every entry of an event is recorded, and an entry's id is fixed
 * by the order, so an event handled again after a crash or a replay records nothing twice; any other failure stops
 * the processor at that event and retries it (nothing is skipped).
 */
@Component
@CommandProcess
@ProcessingGroup(PurchaseOrderPostings.PROCESSOR)
public class PurchaseOrderPostings {

    public static final String PROCESSOR = "purchase-order-postings";
    static final String SOURCE = "purchase_order";
    private static final int RACE_RETRIES = 3;
    private final CommandGateway gateway;

    PurchaseOrderPostings(CommandGateway gateway) {
        this.gateway = gateway;
    }

    @EventHandler
    void on(PurchaseOrderStockPosted event, EventMessage<?> message) {
        List<StockPosting> postings = event.postings();
        for (int i = 0; i < postings.size(); i++) {
            StockPosting posting = postings.get(i);
            if (posting.reversedEntryId() == null) {
                record(new RecordLedgerEntry(LedgerId.of(posting.itemId()), event.orgId(), event.itemKind(),
                        posting.itemId(), posting.entryId(), posting.type(), posting.locationId(), null,
                        posting.quantity(), posting.unitCost(), null, null, event.eventDate(), SOURCE,
                        event.purchaseOrderId()), message);
                continue;
            }
            try {
                record(new ReverseLedgerEntry(LedgerId.of(posting.itemId()), event.orgId(), posting.reversedEntryId(),
                        posting.entryId(), event.eventDate(), null, SOURCE, event.purchaseOrderId()), message);
            } catch (CommandExecutionException refused) {
                if (refused.getDetails().filter(DomainError.class::isInstance).isEmpty()) {
                    throw refused;
                }
                // the ledger cannot take the receipt's deletion (its stock was used since it was checked): the
                // receipt comes back, and what was reversed of it is posted again
                record(new RestorePurchaseOrderReceipt(event.purchaseOrderId(), event.orgId(), event.receiptId(), i,
                        refused.getMessage()), message);
                return;
            }
        }
    }

    /** Sends the command, again when it lost a race with another write to the same aggregate. */
    private void record(Object command, EventMessage<?> cause) {
        for (int attempt = 0; ; attempt++) {
            try {
                gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(cause.getMetaData()));
                return;
            } catch (ConcurrencyException e) {
                if (attempt == RACE_RETRIES) {
                    throw e;
                }
            }
        }
    }
}
