package io.waybill.query.orders;

import io.waybill.api.DomainException;
import io.waybill.api.RecordNames;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Resolves the parameters that name an order (by sid and/or unique name) to an order of the caller's. */
@Component
public class OrderLookup {

    private final OrderRepository orders;

    OrderLookup(OrderRepository orders) {
        this.orders = orders;
    }

    /** The sid of the order named by {@code orderId} and/or {@code orderUniqueName}; empty if neither is given. */
    public Mono<String> orderId(String orgId, String orderId, String orderUniqueName) {
        if (orderId == null && orderUniqueName == null) {
            return Mono.empty();
        }
        String key = orderId != null ? orderId : orderUniqueName;
        return orders.find(orgId, key)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("order", key)))
                .flatMap(order -> orderUniqueName != null && orderId != null
                        && !orderUniqueName.equals(order.uniqueName())
                        ? Mono.error(RecordNames.disagree("orderId", "orderUniqueName"))
                        : Mono.just(order.id()));
    }
}
