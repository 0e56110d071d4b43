package io.waybill.command.itemgroup;

import io.waybill.command.order.OrderKinds;
import io.waybill.api.LineStatus;
import io.waybill.api.itemgroup.CreateItemGroup;
import io.waybill.api.itemgroup.ItemGroupDetails;
import io.waybill.api.itemgroup.UpdateItemGroup;
import io.waybill.command.registry.EntityRegistry;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

abstract class ItemGroupTestBase {

    static final String ORG = "org-1";
    static final String OTHER_ORG = "org-2";
    static final String ORDER = "order-1";
    static final String ITEM = "item-1";
    static final String GROUP = "group-1";
    static final LocalDate DUE = LocalDate.of(2025, 3, 1);

    EntityRegistry registry;
    SideItemGroupStore side;
    AggregateTestFixture<ItemGroup> fixture;

    @BeforeEach
    void setUpFixture() {
        registry = TestRegistries.inMemory();
        registry.register(ITEM, ORG, OrderKinds.ITEM, ORDER, "line-1");
        side = SideItemGroupStore.create(registry);
        fixture = new AggregateTestFixture<>(ItemGroup.class);
        fixture.registerInjectableResource(registry);
        fixture.registerInjectableResource(side.groups());
        fixture.registerRepositoryProvider(side.repositoryProvider());
    }

    @AfterEach
    void closeSideStore() {
        side.close();
    }

    static BigDecimal qty(String value) {
        return new BigDecimal(value);
    }

    static ItemGroupDetails details() {
        return new ItemGroupDetails("lot-1", qty("10"), DUE, null, null, false, false, null, null, null,
                LineStatus.ACTIVE, List.of());
    }

    static CreateItemGroup create(ItemGroupDetails details) {
        return new CreateItemGroup(GROUP, ORG, ORDER, ITEM, details);
    }

    static UpdateItemGroup update(ItemGroupPatchBuilder patch) {
        return new UpdateItemGroup(GROUP, ORG, null, patch.build());
    }

    TestExecutor<ItemGroup> givenGroup(ItemGroupPatchBuilder... updates) {
        return givenGroup(details(), updates);
    }

    TestExecutor<ItemGroup> givenGroup(ItemGroupDetails details, ItemGroupPatchBuilder... updates) {
        return fixture.givenCommands(create(details))
                .andGivenCommands(Arrays.stream(updates).map(ItemGroupTestBase::update).toList());
    }
}
