package io.waybill.query.timeline;

import io.waybill.api.access.Role;
import io.waybill.platform.security.Access;
import io.waybill.api.DomainException;
import io.waybill.api.Page;
import io.waybill.api.timeline.TimelineEntry;
import io.waybill.platform.web.PageRequest;
import io.waybill.platform.web.RequestContext;
import io.waybill.query.itemgroups.ItemGroupRepository;
import io.waybill.query.orders.OrderRepository;
import io.waybill.query.support.Lookups;
import io.waybill.query.timeline.TimelineReader.Source;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;

/**
 * The histories of orders, items and item groups. An order's holds its own events and those of its items and
 * their lots; an item's, the item's events and its lots'; a deleted resource's history stays readable by sid.
 */
@RestController
@Access(Role.VIEWER)
class TimelineController {

    private final TimelineReader reader;
    private final OrderRepository orders;
    private final ItemGroupRepository itemGroups;
    private final Lookups lookups;

    TimelineController(TimelineReader reader, OrderRepository orders, ItemGroupRepository itemGroups,
                       Lookups lookups) {
        this.reader = reader;
        this.orders = orders;
        this.itemGroups = itemGroups;
        this.lookups = lookups;
    }

    @GetMapping("/api/orders/{sidOrUniqueName}/events")
    Mono<Page<TimelineEntry>> order(RequestContext context, @PathVariable String sidOrUniqueName,
                                    @RequestParam(required = false) String eventTimeOnOrAfter,
                                    @RequestParam(required = false) String cursor,
                                    @RequestParam(required = false) String limit) {
        var page = PageRequest.of(cursor, limit);
        var since = TimelineReader.parseTime(eventTimeOnOrAfter);
        return orders.findSidForHistory(context.orgId(), sidOrUniqueName)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("order", sidOrUniqueName)))
                .flatMap(orderSid -> withGroups(context.orgId(), "order", orderSid, Source.all(orderSid)))
                .flatMap(sources -> reader.read(context.orgId(), sources, since, page));
    }

    @GetMapping("/api/items/{sidOrUniqueName}/events")
    Mono<Page<TimelineEntry>> item(RequestContext context, @PathVariable String sidOrUniqueName,
                                   @RequestParam(required = false) String orderSid,
                                   @RequestParam(required = false) String orderUniqueName,
                                   @RequestParam(required = false) String eventTimeOnOrAfter,
                                   @RequestParam(required = false) String cursor,
                                   @RequestParam(required = false) String limit) {
        var page = PageRequest.of(cursor, limit);
        var since = TimelineReader.parseTime(eventTimeOnOrAfter);
        return lookups.item(context.orgId(), sidOrUniqueName, orderSid, orderUniqueName, true)
                .flatMap(item -> withGroups(context.orgId(), "item", item.sid(),
                        new Source(item.orderSid(), payload -> TimelineReader.concernsItem(payload, item.sid()))))
                .flatMap(sources -> reader.read(context.orgId(), sources, since, page));
    }

    @GetMapping("/api/item-groups/{sidOrUniqueName}/events")
    Mono<Page<TimelineEntry>> itemGroup(RequestContext context, @PathVariable String sidOrUniqueName,
                                        @RequestParam(required = false) String itemSid,
                                        @RequestParam(required = false) String itemUniqueName,
                                        @RequestParam(required = false) String orderSid,
                                        @RequestParam(required = false) String orderUniqueName,
                                        @RequestParam(required = false) String eventTimeOnOrAfter,
                                        @RequestParam(required = false) String cursor,
                                        @RequestParam(required = false) String limit) {
        var page = PageRequest.of(cursor, limit);
        var since = TimelineReader.parseTime(eventTimeOnOrAfter);
        return lookups.itemGroup(context.orgId(), sidOrUniqueName, itemSid, itemUniqueName, orderSid,
                        orderUniqueName, true)
                .flatMap(group -> reader.read(context.orgId(), List.of(Source.all(group.sid())), since, page));
    }

    private Mono<List<Source>> withGroups(String orgId, String parentKind, String parentSid, Source own) {
        return itemGroups.sidsOf(orgId, parentKind, parentSid).map(Source::all).collectList()
                .map(groups -> {
                    List<Source> sources = new ArrayList<>(List.of(own));
                    sources.addAll(groups);
                    return sources;
                });
    }
}
