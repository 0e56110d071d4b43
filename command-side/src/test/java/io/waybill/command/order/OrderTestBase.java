package io.waybill.command.order;

import io.waybill.api.order.AddItem;
import io.waybill.api.order.CreateOrder;
import io.waybill.api.order.ItemDetails;
import io.waybill.api.order.OrderDetails;
import io.waybill.api.order.UpdateItem;
import io.waybill.command.itemgroup.SideItemGroupStore;
import io.waybill.command.itemgroup.TestRegistries;
import io.waybill.command.registry.EntityRegistry;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.math.BigDecimal;
import java.util.List;

abstract class OrderTestBase {

    static final String ORG = "org-1";
    static final String ORDER = "order-1";
    static final String ITEM = "item-1";

    EntityRegistry registry;
    SideItemGroupStore itemGroups;
    AggregateTestFixture<Order> fixture;

    @BeforeEach
    void setUpFixture() {
        registry = TestRegistries.inMemory();
        itemGroups = SideItemGroupStore.create(registry);
        fixture = new AggregateTestFixture<>(Order.class);
        fixture.registerInjectableResource(registry);
        fixture.registerInjectableResource(itemGroups.groups());
    }

    @AfterEach
    void closeItemGroups() {
        itemGroups.close();
    }

    static BigDecimal qty(String value) {
        return new BigDecimal(value);
    }

    static OrderDetails orderDetails() {
        return new OrderDetails("vendor-1", null, "PO-1", "Bolts", List.of());
    }

    static CreateOrder createOrder() {
        return new CreateOrder(ORDER, ORG, orderDetails());
    }

    static ItemDetails itemDetails(String uniqueName) {
        return new ItemDetails(uniqueName, "Hex bolt M8", null, qty("100"), qty("0.25"), null, 14, 3, 1, null,
                "MPN-8", "A", List.of());
    }

    static AddItem addItem(String itemSid, String uniqueName) {
        return new AddItem(ORDER, ORG, itemSid, itemDetails(uniqueName));
    }

    static UpdateItem updateItem(String itemSid, ItemPatchBuilder patch) {
        return new UpdateItem(ORDER, ORG, itemSid, patch.build());
    }
}
