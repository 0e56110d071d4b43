package io.waybill.query.support;

import io.waybill.api.DomainException;
import io.waybill.api.ErrorCode;
import io.waybill.api.itemgroup.ItemGroupView;
import io.waybill.api.order.ItemView;
import io.waybill.query.itemgroups.ItemGroupRepository;
import io.waybill.query.items.ItemRepository;
import io.waybill.query.orders.OrderRepository;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * Resolves the path and query parameters that name an order, an item or an item group (by sid, or by unique name
 * within its parent) to read-model rows of the caller's organisation. What is not found is {@code not_found}.
 */
@Component
public class Lookups {

    private final OrderRepository orders;
    private final ItemRepository items;
    private final ItemGroupRepository itemGroups;

    Lookups(OrderRepository orders, ItemRepository items, ItemGroupRepository itemGroups) {
        this.orders = orders;
        this.items = items;
        this.itemGroups = itemGroups;
    }

    /** The sid of the order named by {@code orderSid} and/or {@code orderUniqueName}; empty if neither is given. */
    public Mono<String> orderSid(String orgId, String orderSid, String orderUniqueName) {
        if (orderSid == null && orderUniqueName == null) {
            return Mono.empty();
        }
        String key = orderSid != null ? orderSid : orderUniqueName;
        return orders.find(orgId, key)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("order", key)))
                .flatMap(order -> orderUniqueName != null && orderSid != null
                        && !orderUniqueName.equals(order.uniqueName())
                        ? Mono.error(disagree("orderSid and orderUniqueName refer to different orders"))
                        : Mono.just(order.sid()));
    }

    public Mono<ItemView> item(String orgId, String sidOrUniqueName, String orderSid, String orderUniqueName,
                               boolean includeDeleted) {
        return orderSid(orgId, orderSid, orderUniqueName).map(sid -> sid).defaultIfEmpty("")
                .flatMap(order -> items.find(orgId, sidOrUniqueName, order.isEmpty() ? null : order,
                        includeDeleted))
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("item", sidOrUniqueName)));
    }

    public Mono<ItemGroupView> itemGroup(String orgId, String sidOrUniqueName, String itemSid,
                                         String itemUniqueName, String orderSid, String orderUniqueName,
                                         boolean includeDeleted) {
        Mono<String> item;
        if (itemSid != null) {
            item = Mono.just(itemSid);
        } else if (itemUniqueName != null) {
            if (orderSid == null && orderUniqueName == null) {
                return Mono.error(disagree("itemUniqueName needs orderSid or orderUniqueName"));
            }
            item = item(orgId, itemUniqueName, orderSid, orderUniqueName, false).map(ItemView::sid);
        } else {
            item = Mono.just("");
        }
        return item.flatMap(sid -> itemGroups.find(orgId, sidOrUniqueName, sid.isEmpty() ? null : sid,
                        includeDeleted))
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("item group", sidOrUniqueName)));
    }

    private static DomainException disagree(String message) {
        return new DomainException(ErrorCode.VALIDATION_FAILED, message, Map.of());
    }
}
