package io.waybill.command.itemgroup;

import io.waybill.api.itemgroup.SplitView;
import io.waybill.api.DomainException;
import io.waybill.api.ErrorCode;
import io.waybill.api.itemgroup.ItemGroupAbsorbed;
import io.waybill.api.itemgroup.ItemGroupCombinedInto;
import io.waybill.api.itemgroup.ItemGroupCreated;
import io.waybill.api.itemgroup.ItemGroupDetails;
import io.waybill.api.itemgroup.ItemGroupSplit;
import io.waybill.api.itemgroup.ItemGroupView;
import io.waybill.api.itemgroup.SplitPart;
import io.waybill.command.registry.EntityRegistry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

/** Splitting a lot into several and combining lots of one item into one; quantities are conserved. */
final class ItemGroupSplitting {

    private ItemGroupSplitting() {
    }

    /** The lot keeps {@code kept}, each new lot takes its part: together exactly the lot's quantity. */
    static SplitView split(ItemGroup group, BigDecimal kept, List<SplitPart> parts,
                                     EntityRegistry registry) {
        group.requireActive("split");
        if (kept.signum() <= 0 || parts.stream().anyMatch(part -> part.quantity().signum() <= 0)) {
            throw DomainException.invalid("quantities", "must all be greater than zero");
        }
        BigDecimal total = parts.stream().map(SplitPart::quantity).reduce(kept, BigDecimal::add);
        BigDecimal before = group.details().quantity();
        if (total.compareTo(before) != 0) {
            throw DomainException.invalid("quantities", "must add up to the item group's quantity "
                    + before.toPlainString() + ", not " + total.toPlainString());
        }
        apply(new ItemGroupSplit(group.sid(), before, kept, parts));
        List<ItemGroupView> views = new ArrayList<>(List.of(group.view()));
        for (SplitPart part : parts) {
            registry.register(part.itemGroupSid(), group.orgId(), ItemGroups.KIND, group.itemSid(),
                    part.uniqueName());
            var created = new ItemGroupCreated(part.itemGroupSid(), group.orgId(), group.orderSid(),
                    group.itemSid(), group.details().withQuantity(part.quantity()).withUniqueName(part.uniqueName()),
                    group.sid());
            try {
                views.add(createNew(ItemGroup.class, () -> new ItemGroup(created)).invoke(ItemGroup::view));
            } catch (Exception e) {
                throw new IllegalStateException("could not create the split lot " + part.itemGroupSid(), e);
            }
        }
        return new SplitView(views);
    }

    /**
     * Refuses to combine lots whose shipment facts differ (shipped, delivered, ship and delivery dates, tracking
     * number): a combined lot has one set of them, so combining would silently change what was said of some of its
     * units. Lots of one shipment, or lots not yet shipped, combine.
     */
    private static void requireSameShipment(ItemGroup source, ItemGroup target) {
        ItemGroupDetails a = source.details();
        ItemGroupDetails b = target.details();
        if (a.shipped() != b.shipped() || a.delivered() != b.delivered()
                || !Objects.equals(a.trackingNumber(), b.trackingNumber())
                || !Objects.equals(a.shipDate(), b.shipDate()) || !Objects.equals(a.deliveryDate(), b.deliveryDate())) {
            throw new DomainException(ErrorCode.INVALID_TRANSITION, "only item groups of one shipment can be combined: "
                    + source.sid() + " is " + shipment(a) + ", " + target.sid() + " is " + shipment(b),
                    Map.of("field", "itemGroupIds", "id", source.sid()));
        }
    }

    private static String shipment(ItemGroupDetails d) {
        String state = d.delivered() ? "delivered" : d.shipped() ? "shipped" : "not shipped";
        return d.trackingNumber() == null ? state : state + " (tracking " + d.trackingNumber() + ")";
    }

    /** Combines the sources into the target; each source is gone afterwards, its history kept. */
    static void combine(ItemGroup target, List<String> sourceSids, ItemGroups groups, EntityRegistry registry) {
        target.requireActive("combined");
        if (sourceSids.contains(target.sid()) || Set.copyOf(sourceSids).size() != sourceSids.size()) {
            throw DomainException.invalid("itemGroupIds", "must name different item groups");
        }
        Map<String, BigDecimal> taken = new LinkedHashMap<>();
        groups.withEach(target.orgId(), sourceSids, source -> {
            source.requireOrg(target.orgId());
            if (!source.itemSid().equals(target.itemSid())) {
                throw new DomainException(ErrorCode.VALIDATION_FAILED, "only item groups of one item can be combined",
                        Map.of("field", "itemGroupIds", "id", source.sid()));
            }
            source.requireActive("combined");
            requireSameShipment(source, target);
            registry.markDeleted(source.orgId(), source.sid());
            apply(new ItemGroupCombinedInto(source.sid(), target.sid(), source.details().quantity()));
            taken.put(source.sid(), source.details().quantity());
        });
        BigDecimal quantity = target.details().quantity();
        for (var source : taken.entrySet()) {
            quantity = quantity.add(source.getValue());
            apply(new ItemGroupAbsorbed(target.sid(), source.getKey(), source.getValue(), quantity));
        }
    }
}
