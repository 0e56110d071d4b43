package io.waybill.query.items;

import io.waybill.api.DomainException;
import io.waybill.api.order.ItemView;
import io.waybill.query.orders.OrderLookup;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Resolves the parameters that name an item (by sid, or by unique name within the order named by
 * {@code orderSid} or {@code orderUniqueName}) to an item of the caller's organisation, else {@code not_found}.
 */
@Component
public class ItemLookup {

    private final OrderLookup orders;
    private final ItemRepository items;

    ItemLookup(OrderLookup orders, ItemRepository items) {
        this.orders = orders;
        this.items = items;
    }

    public Mono<ItemView> item(String orgId, String sidOrUniqueName, String orderSid, String orderUniqueName,
                               boolean includeDeleted) {
        return orders.orderSid(orgId, orderSid, orderUniqueName).defaultIfEmpty("")
                .flatMap(order -> items.find(orgId, sidOrUniqueName, order.isEmpty() ? null : order,
                        includeDeleted))
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("item", sidOrUniqueName)));
    }
}
