package io.waybill.command.order;

import io.waybill.command.registry.Kind;

/** The registry's kinds of an order and of its lines. */
public final class OrderKinds {

    public static final Kind ORDER = new Kind("ORDER", "order");
    public static final Kind ITEM = new Kind("ITEM", "item");

    private OrderKinds() {
    }
}
