package io.waybill.command.inventory;

import io.waybill.api.ErrorCode;
import io.waybill.platform.web.Refusals;
import io.waybill.command.support.CommandSender;
import io.waybill.api.access.Role;
import io.waybill.platform.security.Access;
import io.waybill.api.inventory.CompleteTransfer;
import io.waybill.api.inventory.EntryType;
import io.waybill.api.inventory.ItemKind;
import io.waybill.api.inventory.LedgerEntryView;
import io.waybill.api.inventory.LedgerId;
import io.waybill.api.inventory.RecordLedgerEntry;
import io.waybill.api.inventory.ReverseLedgerEntry;
import io.waybill.api.inventory.TransferAnswer;
import io.waybill.command.inventory.LedgerRequests.AdjustmentRequest;
import io.waybill.command.inventory.LedgerRequests.DisposalRequest;
import io.waybill.command.inventory.LedgerRequests.EntryRequest;
import io.waybill.command.inventory.LedgerRequests.LocationMovement;
import io.waybill.command.inventory.LedgerRequests.TransferRequest;
import io.waybill.platform.request.Problems;
import io.waybill.platform.web.BodyShape;
import io.waybill.platform.web.RequestContext;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.util.concurrent.Callable;
import java.util.function.BiFunction;

/**
 * Manual movements of the materials ledgers ({@code /materials-inventory}, items named by {@code materialId}) and
 * the finished-goods ledgers ({@code /fg-inventory}, by {@code skuId}). Every write answers the entry recorded;
 * an {@code id} chosen by the caller makes it idempotent.
 */
@Refusals(ErrorCode.CONFLICT)
@RestController
@Access(Role.MEMBER)
@RequestMapping("/api/{inventory:materials-inventory|fg-inventory}")
class InventoryCommandController {

    private final CommandSender sender;
    private final LedgerEntryRequests requests;

    InventoryCommandController(CommandSender sender, LedgerEntryRequests requests) {
        this.sender = sender;
        this.requests = requests;
    }

    @Refusals(ErrorCode.INSUFFICIENT_STOCK)
    @PostMapping("/ledger")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<LedgerEntryView> record(RequestContext context, @PathVariable String inventory,
                                 @BodyShape(EntryRequest.class) @RequestBody JsonNode json) {
        ItemKind kind = kindOf(inventory);
        Problems problems = new Problems();
        EntryRequest request = requests.movement(json, EntryRequest.class, kind, problems);
        EntryType type = request.type(kind, problems);
        return send(context, requests.entry(context.orgId(), request, kind, type, request.locationId(),
                request.toLocationId(), request.quantity(), request.ref(), problems));
    }

    @Refusals(ErrorCode.INSUFFICIENT_STOCK)
    @PostMapping("/transfers")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<TransferAnswer> transfer(RequestContext context, @PathVariable String inventory,
                                  @BodyShape(TransferRequest.class) @RequestBody JsonNode json) {
        ItemKind kind = kindOf(inventory);
        Problems problems = new Problems();
        TransferRequest request = requests.movement(json, TransferRequest.class, kind, problems);
        request.checkLocations(problems);
        RecordLedgerEntry command = requests.entry(context.orgId(), request, kind, EntryType.TRANSFER,
                request.sourceLocationId(), request.destinationLocationId(), request.quantity(), request.ref(),
                problems);
        return send(context, command).map(entry -> new TransferAnswer(entry, entry.ref()));
    }

    @Refusals(ErrorCode.INSUFFICIENT_STOCK)
    @PostMapping("/adjustments")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<LedgerEntryView> adjust(RequestContext context, @PathVariable String inventory,
                                 @BodyShape(AdjustmentRequest.class) @RequestBody JsonNode json) {
        return atLocation(context, inventory, json, AdjustmentRequest.class, EntryType.ADJUST);
    }

    @Refusals(ErrorCode.INSUFFICIENT_STOCK)
    @PostMapping("/disposals")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<LedgerEntryView> dispose(RequestContext context, @PathVariable String inventory,
                                  @BodyShape(DisposalRequest.class) @RequestBody JsonNode json) {
        return atLocation(context, inventory, json, DisposalRequest.class, EntryType.DISPOSE);
    }

    @Refusals(ErrorCode.INVALID_TRANSITION)
    @PostMapping("/transfers/{ref}/complete")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<LedgerEntryView> complete(RequestContext context, @PathVariable String inventory, @PathVariable String ref,
                                   @BodyShape(LedgerRequests.FollowUpRequest.class)
                                   @RequestBody(required = false) JsonNode json) {
        String org = context.orgId();
        return followUp(context, json, () -> requests.transferItem(org, kindOf(inventory), ref),
                (ledger, f) -> new CompleteTransfer(ledger, org, ref, f.entryId(), f.eventDate(), f.notes()));
    }

    @Refusals({ErrorCode.INVALID_TRANSITION, ErrorCode.INSUFFICIENT_STOCK})
    @PostMapping("/ledger/{id}/reverse")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<LedgerEntryView> reverse(RequestContext context, @PathVariable String inventory, @PathVariable String id,
                                  @BodyShape(LedgerRequests.FollowUpRequest.class)
                                  @RequestBody(required = false) JsonNode json) {
        String org = context.orgId();
        return followUp(context, json, () -> requests.entryItem(org, kindOf(inventory), id),
                (ledger, f) -> new ReverseLedgerEntry(ledger, org, id, f.entryId(), f.eventDate(), f.notes()));
    }

    /** A write about an earlier entry: finds the entry's ledger, then sends the command made for it. */
    private Mono<LedgerEntryView> followUp(RequestContext context, JsonNode json, Callable<String> ledgerItem,
                                           BiFunction<String, LedgerEntryRequests.FollowUp, Object> command) {
        LedgerEntryRequests.FollowUp followUp = requests.followUp(json);
        return sender.blocking(ledgerItem)
                .flatMap(item -> sender.send(command.apply(LedgerId.of(item), followUp), context));
    }

    /** A movement of its own type at one location. */
    private <M extends Record & LocationMovement> Mono<LedgerEntryView> atLocation(
            RequestContext context, String inventory, JsonNode json, Class<M> type, EntryType entryType) {
        ItemKind kind = kindOf(inventory);
        Problems problems = new Problems();
        M request = requests.movement(json, type, kind, problems);
        return send(context, requests.entry(context.orgId(), request, kind, entryType, request.locationId(), null,
                request.quantity(), null, problems));
    }

    private Mono<LedgerEntryView> send(RequestContext context, RecordLedgerEntry command) {
        return sender.send(command, context);
    }

    static ItemKind kindOf(String inventory) {
        return inventory.startsWith("fg") ? ItemKind.SKU : ItemKind.MATERIAL;
    }
}
