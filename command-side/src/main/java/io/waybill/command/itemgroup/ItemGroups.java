package io.waybill.command.itemgroup;

import io.waybill.api.DomainException;
import io.waybill.api.RecordStreams;
import io.waybill.command.order.ItemCascade;
import io.waybill.command.registry.EntityRegistry;
import io.waybill.command.registry.Kind;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.axonframework.config.Configuration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reaches other lots from within a command, so that a change spanning several lots (combining, deleting an order
 * or a line with its lots) is stored in the one unit of work of that command: all of it or none of it.
 */
@Component
public class ItemGroups implements ItemCascade {

    /** The registry's kind of a lot. */
    public static final Kind KIND = new Kind("ITEM_GROUP", "item group");

    private final Supplier<Repository<ItemGroup>> repository;
    private final EntityRegistry registry;

    @Autowired
    ItemGroups(Configuration axon, EntityRegistry registry) {
        this(() -> axon.repository(ItemGroup.class), registry);
    }

    ItemGroups(Supplier<Repository<ItemGroup>> repository, EntityRegistry registry) {
        this.repository = repository;
        this.registry = registry;
    }

    @Override
    public void deleteChildrenOfItems(String orgId, List<String> itemSids) {
        for (String itemSid : itemSids) {
            for (String groupSid : registry.liveChildren(orgId, ItemGroups.KIND, itemSid)) {
                repository.get().load(RecordStreams.of(orgId, groupSid)).execute(group -> group.delete(registry));
            }
        }
    }

    /** Runs {@code action} on each of the organisation's lots {@code sids}; a lot it does not have is not found. */
    void withEach(String orgId, List<String> sids, Consumer<ItemGroup> action) {
        for (String sid : sids) {
            try {
                repository.get().load(RecordStreams.of(orgId, sid)).execute(action);
            } catch (AggregateNotFoundException e) {
                throw DomainException.notFound(KIND.noun(), sid);
            }
        }
    }
}
