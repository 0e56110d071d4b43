package io.waybill.query.items;

import io.waybill.api.DomainException;
import io.waybill.api.order.ItemView;
import io.waybill.query.orders.OrderLookup;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Resolves the parameters that name an item (by sid, or by unique name within the order named by
 * {@code orderId} or {@code orderUniqueName}) to an item of the caller's organisation, else {@code not_found}.
 */
@Component
public class ItemLookup {

    private final OrderLookup orders;
    private final ItemRepository items;

    ItemLookup(OrderLookup orders, ItemRepository items) {
        this.orders = orders;
        this.items = items;
    }

    public Mono<ItemView> item(String orgId, String idOrUniqueName, String orderId, String orderUniqueName,
                               boolean includeDeleted) {
        return orders.orderId(orgId, orderId, orderUniqueName).defaultIfEmpty("")
                .flatMap(order -> items.find(orgId, idOrUniqueName, order.isEmpty() ? null : order,
                        includeDeleted))
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("item", idOrUniqueName)));
    }
}
