package io.waybill.command.inventory;

import io.waybill.command.support.WriteSupport;
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
import io.waybill.platform.web.JsonBody;
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
import tools.jackson.databind.node.JsonNodeFactory;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;

/**
 * Manual movements of the materials ledgers ({@code /materials-inventory}, items named by {@code materialId}) and
 * the finished-goods ledgers ({@code /fg-inventory}, by {@code skuId}). Every write answers the entry recorded;
 * an {@code id} chosen by the caller makes it idempotent.
 */
@RestController
@Access(Role.MEMBER)
@RequestMapping("/api/{inventory:materials-inventory|fg-inventory}")
class InventoryCommandController {

    private static final Set<String> COMMON = Set.of("id", "locationId", "quantity", "unitCost", "notes", "eventDate");
    private static final Set<String> TRANSFER_FIELDS = Set.of("id", "sourceLocationId", "destinationLocationId",
            "quantity", "unitCost", "ref", "notes", "eventDate");
    private static final Set<String> ENTRY_FIELDS = WriteSupport.with(COMMON, "eventType", "toLocationId", "ref");
    private static final Set<String> FOLLOW_UP_FIELDS = Set.of("id", "notes", "eventDate");
    private final CommandSender sender;
    private final LedgerEntryRequests requests;

    InventoryCommandController(CommandSender sender, LedgerEntryRequests requests) {
        this.sender = sender;
        this.requests = requests;
    }

    @PostMapping("/ledger")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<LedgerEntryView> record(RequestContext context, @PathVariable String inventory,
                                 @RequestBody JsonNode json) {
        ItemKind kind = kindOf(inventory);
        JsonBody body = JsonBody.of(json, WriteSupport.with(ENTRY_FIELDS, itemField(kind)));
        EntryType type = requests.movementType(body, kind);
        BigDecimal quantity = type == EntryType.ADJUST ? body.nonZeroDecimal("quantity")
                : body.decimal("quantity", true);
        String to = type == EntryType.TRANSFER ? body.required("toLocationId", body.string("toLocationId", 64))
                : requests.absent(body, "toLocationId", "only a TRANSFER has a destination");
        return send(context, requests.entry(context.orgId(), body, kind, type, "locationId", to, quantity,
                body.string("ref", 64)));
    }

    @PostMapping("/transfers")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Map<String, Object>> transfer(RequestContext context, @PathVariable String inventory,
                                       @RequestBody JsonNode json) {
        ItemKind kind = kindOf(inventory);
        JsonBody body = JsonBody.of(json, WriteSupport.with(TRANSFER_FIELDS, itemField(kind)));
        String to = body.required("destinationLocationId", body.string("destinationLocationId", 64));
        RecordLedgerEntry command = requests.entry(context.orgId(), body, kind, EntryType.TRANSFER,
                "sourceLocationId", to, body.decimal("quantity", true), body.string("ref", 64));
        return send(context, command).map(entry -> Map.of("ledgerEntry", entry, "ref", entry.ref()));
    }

    @PostMapping("/adjustments")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<LedgerEntryView> adjust(RequestContext context, @PathVariable String inventory,
                                 @RequestBody JsonNode json) {
        ItemKind kind = kindOf(inventory);
        JsonBody body = JsonBody.of(json, WriteSupport.with(COMMON, itemField(kind)));
        return send(context, requests.entry(context.orgId(), body, kind, EntryType.ADJUST, "locationId", null,
                body.nonZeroDecimal("quantity"), null));
    }

    @PostMapping("/disposals")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<LedgerEntryView> dispose(RequestContext context, @PathVariable String inventory,
                                  @RequestBody JsonNode json) {
        ItemKind kind = kindOf(inventory);
        JsonBody body = JsonBody.of(json, WriteSupport.with(COMMON, itemField(kind)));
        return send(context, requests.entry(context.orgId(), body, kind, EntryType.DISPOSE, "locationId", null,
                body.decimal("quantity", true), null));
    }

    @PostMapping("/transfers/{ref}/complete")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<LedgerEntryView> complete(RequestContext context, @PathVariable String inventory, @PathVariable String ref,
                                   @RequestBody(required = false) JsonNode json) {
        String org = context.orgId();
        return followUp(context, json, () -> requests.transferItem(org, kindOf(inventory), ref),
                (ledger, f) -> new CompleteTransfer(ledger, org, ref, f.entryId(), f.eventDate(), f.notes()));
    }

    @PostMapping("/ledger/{id}/reverse")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<LedgerEntryView> reverse(RequestContext context, @PathVariable String inventory, @PathVariable String id,
                                  @RequestBody(required = false) JsonNode json) {
        String org = context.orgId();
        return followUp(context, json, () -> requests.entryItem(org, kindOf(inventory), id),
                (ledger, f) -> new ReverseLedgerEntry(ledger, org, id, f.entryId(), f.eventDate(), f.notes()));
    }

    /** A write about an earlier entry: finds the entry's ledger, then sends the command made for it. */
    private Mono<LedgerEntryView> followUp(RequestContext context, JsonNode json, Callable<String> ledgerItem,
                                           BiFunction<String, LedgerEntryRequests.FollowUp, Object> command) {
        LedgerEntryRequests.FollowUp followUp = requests.followUp(JsonBody.of(orEmpty(json), FOLLOW_UP_FIELDS));
        return sender.blocking(ledgerItem)
                .flatMap(item -> sender.send(command.apply(LedgerId.of(item), followUp), context));
    }

    private Mono<LedgerEntryView> send(RequestContext context, RecordLedgerEntry command) {
        return sender.send(command, context);
    }

    private static JsonNode orEmpty(JsonNode json) {
        return json == null ? JsonNodeFactory.instance.objectNode() : json;
    }

    static ItemKind kindOf(String inventory) {
        return inventory.startsWith("fg") ? ItemKind.SKU : ItemKind.MATERIAL;
    }

    static String itemField(ItemKind kind) {
        return kind == ItemKind.SKU ? "skuId" : "materialId";
    }
}
