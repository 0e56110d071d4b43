package io.waybill.command.inventory;

import io.waybill.api.DomainError;
import io.waybill.api.DomainException;
import io.waybill.api.ErrorCode;
import io.waybill.api.inventory.CheckMove;
import io.waybill.api.inventory.CheckMovement;
import io.waybill.api.inventory.CheckReversals;
import io.waybill.api.inventory.EntryType;
import io.waybill.api.inventory.LedgerId;
import io.waybill.api.inventory.StockPosting;
import io.waybill.command.support.CommandSender;
import io.waybill.platform.axon.CommandErrors;
import io.waybill.platform.web.RequestContext;
import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Asks the items' ledgers whether they would take entries a source decided but has not recorded yet, changing
 * nothing: a refusal (insufficient stock) reaches the caller before the source records anything. A check of entries
 * the source recorded (their reversal, their move) waits a little for entries still on their way to the ledger (the
 * posting process records them moments after the step that decided them), and is refused as a conflict if they do
 * not arrive.
 */
@Component
public class LedgerChecks {

    private final CommandSender sender;
    private final Clock clock;

    LedgerChecks(CommandSender sender, Clock clock) {
        this.sender = sender;
        this.clock = clock;
    }

    /** Whether the ledgers could reverse these entries today, as {@code sourceType} would, item by item. */
    public Mono<Void> reversals(RequestContext context, List<StockPosting> entries, String sourceType) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return Flux.fromIterable(byItem(entries).entrySet())
                .concatMap(item -> once(sender.send(new CheckReversals(LedgerId.of(item.getKey()), context.orgId(),
                        item.getValue(), today, sourceType), context)))
                .then();
    }

    /** Whether the ledgers could date these entries {@code date} instead of their own, item by item. */
    public Mono<Void> moves(RequestContext context, List<StockPosting> entries, LocalDate date, String sourceType) {
        return Flux.fromIterable(byItem(entries).entrySet())
                .concatMap(item -> once(sender.send(new CheckMove(LedgerId.of(item.getKey()), context.orgId(),
                        item.getValue(), date, sourceType), context)))
                .then();
    }

    /** The check once the entries it names are recorded: asked again while the ledger does not know one yet. */
    private static Mono<Object> once(Mono<Object> check) {
        return check.retryWhen(Retry.backoff(8, Duration.ofMillis(50)).maxBackoff(Duration.ofMillis(500))
                .filter(failure -> CommandErrors.refusedWith(failure, ErrorCode.NOT_FOUND))
                .onRetryExhaustedThrow((spec, signal) -> DomainException.conflict("the entries are still being "
                        + "posted to the ledger; try again in a moment", Map.of())));
    }

    /**
     * Whether the ledgers could record these entries of {@code type} on {@code date}, as {@code sourceType} /
     * {@code sourceId} would; an item whose ledger never recorded anything has nothing to take from.
     */
    public Mono<Void> movements(RequestContext context, List<StockPosting> entries, EntryType type, LocalDate date,
                                String sourceType, String sourceId) {
        return Flux.fromIterable(entries)
                .filter(entry -> entry.type() == type)
                .concatMap(entry -> sender.send(new CheckMovement(LedgerId.of(entry.itemId()), context.orgId(), type,
                                entry.locationId(), entry.quantity(), date, sourceType, sourceId), context)
                        .onErrorMap(failure -> CommandErrors.refusedWith(failure, ErrorCode.NOT_FOUND),
                                failure -> nothingOnHand(entry))
                        .onErrorMap(failure -> CommandErrors.refusedWith(failure, ErrorCode.INSUFFICIENT_STOCK),
                                failure -> naming(entry, (CommandExecutionException) failure)))
                .then();
    }

    /** The entries' ids per item, items in the order they first appear. */
    private static Map<String, List<String>> byItem(List<StockPosting> entries) {
        return entries.stream().collect(Collectors.groupingBy(StockPosting::itemId, LinkedHashMap::new,
                Collectors.mapping(StockPosting::entryId, Collectors.toList())));
    }

    /** The ledger's refusal, saying which item and how much of it the source needed. */
    private static DomainException naming(StockPosting entry, CommandExecutionException refused) {
        DomainError error = (DomainError) refused.getDetails().orElseThrow();
        Map<String, Object> details = new LinkedHashMap<>(error.details());
        details.put("itemId", entry.itemId());
        details.put("needed", entry.quantity().toPlainString());
        return new DomainException(ErrorCode.INSUFFICIENT_STOCK, "item " + entry.itemId() + " (" + entry.quantity()
                .toPlainString() + " needed): " + error.message(), details);
    }

    private static DomainException nothingOnHand(StockPosting entry) {
        return new DomainException(ErrorCode.INSUFFICIENT_STOCK, "not enough stock at location "
                + entry.locationId() + ": 0 available, " + entry.quantity().toPlainString() + " requested",
                Map.of("locationId", entry.locationId(), "itemId", entry.itemId(), "available", "0",
                        "requested", entry.quantity().toPlainString(), "needed", entry.quantity().toPlainString()));
    }
}
