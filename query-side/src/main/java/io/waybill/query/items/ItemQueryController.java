package io.waybill.query.items;

import io.waybill.api.access.Role;
import io.waybill.platform.security.Access;
import io.waybill.api.Page;
import io.waybill.api.order.ItemView;
import io.waybill.platform.web.PageRequest;
import io.waybill.platform.web.RequestContext;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Access(Role.VIEWER)
@RequestMapping("/api/items")
class ItemQueryController {

    private final ItemRepository items;
    private final ItemLookup lookups;

    ItemQueryController(ItemRepository items, ItemLookup lookups) {
        this.items = items;
        this.lookups = lookups;
    }

    @GetMapping
    Mono<Page<ItemView>> list(RequestContext context, @RequestParam(required = false) String orderId,
                              @RequestParam(required = false) String vendorId,
                              @RequestParam(required = false) String cursor,
                              @RequestParam(required = false) String limit) {
        return items.list(context.orgId(), orderId, vendorId, PageRequest.of(cursor, limit));
    }

    @GetMapping("/{idOrUniqueName}")
    Mono<ItemView> get(RequestContext context, @PathVariable String idOrUniqueName,
                       @RequestParam(required = false) String orderId,
                       @RequestParam(required = false) String orderUniqueName) {
        return lookups.item(context.orgId(), idOrUniqueName, orderId, orderUniqueName, false);
    }
}
