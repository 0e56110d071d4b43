package io.waybill.query.inventory;

import io.waybill.api.ListAnswer;
import io.waybill.api.access.Role;
import io.waybill.platform.security.Access;
import io.waybill.query.support.QueryParams;
import io.waybill.api.Page;
import io.waybill.api.inventory.BalanceView;
import io.waybill.api.inventory.LedgerEntryView;
import io.waybill.platform.web.PageRequest;
import io.waybill.platform.web.RequestContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;


/**
 * The balances and ledgers of the two inventories, {@code /api/materials-inventory} and {@code /api/fg-inventory}
 * (see {@link InventoryBook}); each shows the items of its own kind only.
 */
@RestController
@Access(Role.VIEWER)
@RequestMapping("/api/{inventory:materials-inventory|fg-inventory}")
class InventoryQueryController {

    private final BalanceRepository balances;
    private final LedgerEntryRepository entries;

    InventoryQueryController(BalanceRepository balances, LedgerEntryRepository entries) {
        this.balances = balances;
        this.entries = entries;
    }

    @GetMapping("/summary")
    Mono<ListAnswer<BalanceView>> summary(RequestContext context, @PathVariable("inventory") String book,
                                          @RequestParam(required = false) String materialId,
                                          @RequestParam(required = false) String skuId,
                                          @RequestParam(required = false) String locationId,
                                          @RequestParam(required = false) String asOf) {
        InventoryBook inventory = InventoryBook.of(book);
        return balances.summary(context.orgId(), inventory.kind(), inventory.itemFilter(materialId, skuId),
                        InventoryBook.blankToNull(locationId), QueryParams.date("asOf", asOf))
                .map(ListAnswer::new);
    }

    @GetMapping("/ledger")
    Mono<Page<LedgerEntryView>> ledger(RequestContext context, @PathVariable("inventory") String book,
                                       @RequestParam(required = false) String materialId,
                                       @RequestParam(required = false) String skuId,
                                       @RequestParam(required = false) String locationId,
                                       @RequestParam(required = false) String eventType,
                                       @RequestParam(required = false) String ref,
                                       @RequestParam(required = false) String dateFrom,
                                       @RequestParam(required = false) String dateTo,
                                       @RequestParam(required = false) String cursor,
                                       @RequestParam(required = false) String limit) {
        InventoryBook inventory = InventoryBook.of(book);
        var filter = new LedgerFilter(inventory.itemFilter(materialId, skuId), InventoryBook.blankToNull(locationId),
                inventory.entryType(eventType), InventoryBook.blankToNull(ref), QueryParams.date("dateFrom", dateFrom),
                QueryParams.date("dateTo", dateTo));
        return entries.list(context.orgId(), inventory.kind(), filter, PageRequest.of(cursor, limit));
    }

    @GetMapping("/ledger/{id}")
    Mono<LedgerEntryView> entry(RequestContext context, @PathVariable("inventory") String book,
                                @PathVariable String id) {
        InventoryBook inventory = InventoryBook.of(book);
        return entries.find(context.orgId(), inventory.kind(), id)
                .switchIfEmpty(Mono.error(() -> inventory.entryNotFound(id)));
    }
}
