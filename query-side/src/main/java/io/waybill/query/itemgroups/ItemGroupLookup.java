package io.waybill.query.itemgroups;

import io.waybill.api.DomainException;
import io.waybill.api.RecordNames;
import io.waybill.api.itemgroup.ItemGroupView;
import io.waybill.api.order.ItemView;
import io.waybill.query.items.ItemLookup;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Resolves the parameters that name a lot (by sid, or by unique name within the item named by {@code itemId}, or
 * by {@code itemUniqueName} with {@code orderId} or {@code orderUniqueName}) to a lot of the caller's.
 */
@Component
class ItemGroupLookup {

    private final ItemLookup items;
    private final ItemGroupRepository itemGroups;

    ItemGroupLookup(ItemLookup items, ItemGroupRepository itemGroups) {
        this.items = items;
        this.itemGroups = itemGroups;
    }

    Mono<ItemGroupView> itemGroup(String orgId, String idOrUniqueName, ItemGroupNames names,
                                  boolean includeDeleted) {
        Mono<String> item;
        if (names.itemId() != null) {
            item = Mono.just(names.itemId());
        } else if (names.itemUniqueName() != null) {
            if (names.orderId() == null && names.orderUniqueName() == null) {
                return Mono.error(RecordNames.needsParent("itemUniqueName", "orderId or orderUniqueName"));
            }
            item = items.item(orgId, names.itemUniqueName(), names.orderId(), names.orderUniqueName(), false)
                    .map(ItemView::id);
        } else {
            item = Mono.just("");
        }
        return item.flatMap(sid -> itemGroups.find(orgId, idOrUniqueName, sid.isEmpty() ? null : sid,
                        includeDeleted))
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("item group", idOrUniqueName)));
    }
}
