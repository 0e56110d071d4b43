package io.waybill.command.itemgroup;

import io.waybill.api.DomainException;
import io.waybill.api.ErrorCode;
import io.waybill.api.LineStatus;
import io.waybill.api.RecordStreams;
import io.waybill.api.itemgroup.CombineItemGroups;
import io.waybill.api.itemgroup.CreateItemGroup;
import io.waybill.api.itemgroup.DeleteItemGroup;
import io.waybill.api.itemgroup.ItemGroupCombinedInto;
import io.waybill.api.itemgroup.ItemGroupCreated;
import io.waybill.api.itemgroup.ItemGroupDeleted;
import io.waybill.api.itemgroup.ItemGroupDetails;
import io.waybill.api.itemgroup.ItemGroupEvent;
import io.waybill.api.itemgroup.ItemGroupEvolution;
import io.waybill.api.itemgroup.ItemGroupRenamed;
import io.waybill.api.itemgroup.ItemGroupView;
import io.waybill.api.itemgroup.SplitItemGroup;
import io.waybill.api.itemgroup.SplitView;
import io.waybill.api.itemgroup.UpdateItemGroup;
import io.waybill.command.config.CommandSideConfig;
import io.waybill.command.order.OrderKinds;
import io.waybill.command.registry.EntityRegistry;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/**
 * One shipment lot of an order line. An update becomes the events that say what happened; splitting and
 * combining (see {@link ItemGroupSplitting}) conserve the quantity.
 */
@Aggregate(cache = CommandSideConfig.AGGREGATE_CACHE)
class ItemGroup {

    private String itemGroupSid;
    private String orgId;
    private String orderSid;
    private String itemSid;
    private ItemGroupDetails details;
    private ItemGroupDetails createdWith;
    private long version;
    private Instant created;
    private Instant updated;

    ItemGroup() {
    }

    /** The event-store stream of the record: its id within its organisation ({@link RecordStreams}). */
    @AggregateIdentifier
    String streamId() {
        return itemGroupSid == null ? null : RecordStreams.of(orgId, itemGroupSid);
    }

    /** A lot born from another (a split), created within the other lot's command. */
    ItemGroup(ItemGroupCreated created) {
        apply(created);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    ItemGroupView handle(CreateItemGroup command, EntityRegistry registry) {
        if (orgId != null) {
            boolean same = orgId.equals(command.orgId()) && itemSid.equals(command.itemSid())
                    && createdWith.equals(command.details());
            if (!same) {
                throw DomainException.conflict("id " + command.itemGroupSid()
                        + " is already used by another item group", Map.of("id", command.itemGroupSid()));
            }
            return view();
        }
        String orderSid = registry.require(command.orgId(), OrderKinds.ITEM, null, command.itemSid()).parentId();
        if (command.orderSid() != null && !orderSid.equals(command.orderSid())) {
            throw DomainException.invalid("orderId", "the item does not belong to order " + command.orderSid());
        }
        registry.register(command.itemGroupSid(), command.orgId(), ItemGroups.KIND, command.itemSid(),
                command.details().uniqueName());
        apply(new ItemGroupCreated(command.itemGroupSid(), command.orgId(), orderSid, command.itemSid(),
                command.details(), null));
        return view();
    }

    @CommandHandler
    ItemGroupView handle(UpdateItemGroup command, EntityRegistry registry) {
        requireOrg(command.orgId());
        requireVersion(command.expectedVersion());
        List<ItemGroupEvent> events = ItemGroupChanges.between(itemGroupSid, details, command.patch());
        for (ItemGroupEvent event : events) {
            if (event instanceof ItemGroupRenamed renamed) {
                registry.rename(orgId, itemGroupSid, ItemGroups.KIND, renamed.uniqueName());
            }
            apply(event);
        }
        return view();
    }

    @CommandHandler
    SplitView handle(SplitItemGroup command, EntityRegistry registry) {
        requireOrg(command.orgId());
        requireVersion(command.expectedVersion());
        return ItemGroupSplitting.split(this, command.keptQuantity(), command.newGroups(), registry);
    }

    @CommandHandler
    ItemGroupView handle(CombineItemGroups command, EntityRegistry registry, ItemGroups groups) {
        requireOrg(command.orgId());
        ItemGroupSplitting.combine(this, command.sourceItemGroupSids(), groups, registry);
        return view();
    }

    @CommandHandler
    String handle(DeleteItemGroup command, EntityRegistry registry) {
        requireOrg(command.orgId());
        requireVersion(command.expectedVersion());
        delete(registry);
        return itemGroupSid;
    }

    void delete(EntityRegistry registry) {
        registry.markDeleted(orgId, itemGroupSid);
        apply(new ItemGroupDeleted(itemGroupSid));
    }

    void requireOrg(String callerOrg) {
        if (!orgId.equals(callerOrg)) {
            throw DomainException.notFound("item group", itemGroupSid);
        }
    }

    void requireVersion(Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != version) {
            throw DomainException.conflict("item group " + itemGroupSid + " is at version " + version
                    + ", not " + expectedVersion, Map.of("currentVersion", version));
        }
    }

    void requireActive(String action) {
        if (details.status() != LineStatus.ACTIVE) {
            throw new DomainException(ErrorCode.INVALID_TRANSITION, "a canceled item group cannot be " + action,
                    Map.of("status", details.status().value()));
        }
    }

    String sid() {
        return itemGroupSid;
    }

    String orgId() {
        return orgId;
    }

    String orderSid() {
        return orderSid;
    }

    String itemSid() {
        return itemSid;
    }

    ItemGroupDetails details() {
        return details;
    }

    ItemGroupView view() {
        return new ItemGroupView(itemGroupSid, orgId, orderSid, itemSid, details.uniqueName(), details.quantity(),
                details.dueDate(), details.shipDate(), details.deliveryDate(), details.shipped(), details.delivered(),
                details.trackingNumber(), details.lastUpdateDate(), details.estimatedArrivalDate(), details.status(),
                details.eventRelations(), version, created, updated);
    }

    @EventSourcingHandler
    void on(ItemGroupEvent event, @Timestamp Instant at) {
        if (event instanceof ItemGroupCreated creation) {
            itemGroupSid = creation.itemGroupSid();
            orgId = creation.orgId();
            orderSid = creation.orderSid();
            itemSid = creation.itemSid();
            createdWith = creation.details();
            created = at;
        }
        details = ItemGroupEvolution.apply(details, event);
        version++;
        updated = at;
        if (event instanceof ItemGroupDeleted || event instanceof ItemGroupCombinedInto) {
            markDeleted();
        }
    }
}
