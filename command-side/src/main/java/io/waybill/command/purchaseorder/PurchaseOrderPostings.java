package io.waybill.command.purchaseorder;

import io.waybill.api.inventory.LedgerId;
import io.waybill.api.inventory.RecordLedgerEntry;
import io.waybill.api.purchaseorder.PurchaseOrderStockPosted;
import io.waybill.api.purchaseorder.StockPosting;
import io.waybill.platform.axon.CommandProcess;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

/**
 * Posts what purchase orders owe the inventory ledger: each {@link PurchaseOrderStockPosted} becomes the ledger
 * entries it names, in order, with the metadata (actor, correlation id) of the step that decided them. Runs as a
 * tracking processor on the command side: its position moves only after every entry of an event is recorded, and
 * an entry's id is fixed by the order, so an event handled again after a crash or a replay records nothing twice;
 * a failure stops the processor at that event and retries it (nothing is skipped).
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
        for (StockPosting posting : event.postings()) {
            RecordLedgerEntry entry = new RecordLedgerEntry(LedgerId.of(posting.itemId()), event.orgId(),
                    event.itemKind(), posting.itemId(), posting.entryId(), posting.type(), posting.locationId(), null,
                    posting.quantity(), posting.unitCost(), null, null, event.eventDate(), SOURCE,
                    event.purchaseOrderId());
            record(entry, message);
        }
    }

    /** Sends the entry, again when it lost a race with another write to the same ledger. */
    private void record(RecordLedgerEntry entry, EventMessage<?> cause) {
        for (int attempt = 0; ; attempt++) {
            try {
                gateway.sendAndWait(GenericCommandMessage.asCommandMessage(entry).andMetaData(cause.getMetaData()));
                return;
            } catch (ConcurrencyException e) {
                if (attempt == RACE_RETRIES) {
                    throw e;
                }
            }
        }
    }
}
