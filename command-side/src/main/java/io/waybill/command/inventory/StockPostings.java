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
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Posts what purchase and work orders owe the inventory ledger: each {@link StockPostingEvent} becomes the ledger
 * entries (or reversals) it names, in order, with the metadata (actor, correlation id) of the step that decided them.
 * An entry the ledger refuses although the order checked it beforehand (a race with another write to the item) is
 * handed back to the order when it says how to take the step back ({@link StockPostingEvent#refused}); the order then
 * decides what to post instead. Runs as a tracking processor on the command side: its position moves only after
 * every entry of an event is recorded, and an entry's id is fixed by the order, so an event handled again after a
 * crash or a replay records nothing twice; any other failure stops the processor at that event and retries it
 * (nothing is skipped).
 *
 * <p>Each entry is recorded in a unit of work and transaction of its own, on a thread where none of the processor's
 * is current (a command sent from the handler's thread would join the processor's, and keep every ledger it
 * touched, and the organisation's entry counter, locked until the whole event is done: a write to one of those
 * ledgers from the API, holding that ledger and waiting for the counter, would then wait on the process while the
 * process waits on it). The order's taking back, on the contrary, joins the processor's transaction: it is
 * recorded together with the position that moves past the event, or not at all; so an event handled again after a
 * failure never posts entries its order already said were not posted, and decides afresh.
 */
@Component
@CommandProcess
@ProcessingGroup(StockPostings.PROCESSOR)
public class StockPostings implements DisposableBean {

    public static final String PROCESSOR = "stock-postings";
    private final CommandGateway gateway;
    private final ExecutorService sender = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, PROCESSOR + "-sender");
        thread.setDaemon(true);
        return thread;
    });

    StockPostings(CommandGateway gateway) {
        this.gateway = gateway;
    }

    @EventHandler
    void on(StockPostingEvent event, EventMessage<?> message) {
        List<StockPosting> postings = event.postings();
        for (int i = 0; i < postings.size(); i++) {
            try {
                record(command(event, postings.get(i)), message, true);
            } catch (CommandExecutionException refused) {
                Object takeBack = refused.getDetails().filter(DomainError.class::isInstance).isEmpty() ? null
                        : event.refused(i, refused.getMessage());
                if (takeBack == null) {
                    throw refused;
                }
                record(takeBack, message, false);
                return;
            }
        }
    }

    private static Object command(StockPostingEvent event, StockPosting posting) {
        String ledger = LedgerId.of(posting.itemId());
        LocalDate date = posting.eventDate() == null ? event.eventDate() : posting.eventDate();
        if (posting.reversedEntryId() == null) {
            return new RecordLedgerEntry(ledger, event.orgId(), event.itemKind(posting), posting.itemId(),
                    posting.entryId(), posting.type(), posting.locationId(), null, posting.quantity(),
                    posting.unitCost(), null, null, date, event.sourceType(), event.sourceId());
        }
        return new ReverseLedgerEntry(ledger, event.orgId(), posting.reversedEntryId(), posting.entryId(), date, null,
                event.sourceType(), event.sourceId());
    }

    /**
     * Sends the command, on a thread of its own when {@code apart}. A command that lost a race with another write to
     * the same aggregate is decided again where it is handled ({@code DecidingCommandBus}).
     */
    private void record(Object command, EventMessage<?> cause, boolean apart) {
        Object message = GenericCommandMessage.asCommandMessage(command).andMetaData(cause.getMetaData());
        if (apart) {
            sendApart(message);
        } else {
            gateway.sendAndWait(message);
        }
    }

    /** Sends the message from the sender thread and waits, failing as the send failed. */
    private void sendApart(Object message) {
        try {
            CompletableFuture.runAsync(() -> gateway.sendAndWait(message), sender).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }

    @Override
    public void destroy() {
        sender.shutdownNow();
    }
}
