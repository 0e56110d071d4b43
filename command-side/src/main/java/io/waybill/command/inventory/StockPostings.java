package io.waybill.command.inventory;

import io.waybill.api.DomainError;
import io.waybill.api.inventory.LedgerId;
import io.waybill.api.inventory.RecordLedgerEntry;
import io.waybill.api.inventory.ReverseLedgerEntry;
import io.waybill.api.inventory.StockPosting;
import io.waybill.api.inventory.StockPostingEvent;
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
 * Posts what purchase and work orders owe the inventory ledger: each {@link StockPostingEvent} becomes the ledger
 * entries (or reversals) it names, in order, with the metadata (actor, correlation id) of the step that decided them.
 * An entry the ledger refuses although the order checked it beforehand (a race with another write to the item) is
 * handed back to the order when it says how to take the step back ({@link StockPostingEvent#refused}); the order then
 * decides what to post instead. Runs as a tracking processor on the command side: its position moves only after
 * every entry of an event is recorded, and an entry's id is fixed by the order, so an event handled again after a
 * crash or a replay records nothing twice; any other failure stops the processor at that event and retries it
 * (nothing is skipped).
 */
@Component
@CommandProcess
@ProcessingGroup(StockPostings.PROCESSOR)
public class StockPostings {

    public static final String PROCESSOR = "stock-postings";
    private static final int RACE_RETRIES = 3;
    private final CommandGateway gateway;

    StockPostings(CommandGateway gateway) {
        this.gateway = gateway;
    }

    @EventHandler
    void on(StockPostingEvent event, EventMessage<?> message) {
        List<StockPosting> postings = event.postings();
        for (int i = 0; i < postings.size(); i++) {
            try {
                record(command(event, postings.get(i)), message);
            } catch (CommandExecutionException refused) {
                Object takeBack = refused.getDetails().filter(DomainError.class::isInstance).isEmpty() ? null
                        : event.refused(i, refused.getMessage());
                if (takeBack == null) {
                    throw refused;
                }
                record(takeBack, message);
                return;
            }
        }
    }

    private static Object command(StockPostingEvent event, StockPosting posting) {
        String ledger = LedgerId.of(posting.itemId());
        if (posting.reversedEntryId() == null) {
            return new RecordLedgerEntry(ledger, event.orgId(), event.itemKind(posting), posting.itemId(),
                    posting.entryId(), posting.type(), posting.locationId(), null, posting.quantity(),
                    posting.unitCost(), null, null, event.eventDate(), event.sourceType(), event.sourceId());
        }
        return new ReverseLedgerEntry(ledger, event.orgId(), posting.reversedEntryId(), posting.entryId(),
                event.eventDate(), null, event.sourceType(), event.sourceId());
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
