package io.waybill.command.itemgroup;

import io.waybill.command.support.WriteSupport;
import io.waybill.command.support.CommandSender;
import io.waybill.api.access.Role;
import io.waybill.platform.security.Access;
import io.waybill.api.itemgroup.CombineItemGroups;
import io.waybill.api.itemgroup.CreateItemGroup;
import io.waybill.api.itemgroup.DeleteItemGroup;
import io.waybill.api.itemgroup.ItemGroupView;
import io.waybill.api.itemgroup.SplitItemGroup;
import io.waybill.api.itemgroup.UpdateItemGroup;
import io.waybill.platform.web.JsonBody;
import io.waybill.platform.web.RequestContext;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@RestController
@Access(Role.MEMBER)
@RequestMapping("/api/item-groups")
class ItemGroupCommandController {

    private final CommandSender sender;
    private final ItemGroupReferences references;
    private final Clock clock;

    ItemGroupCommandController(CommandSender sender, ItemGroupReferences references, Clock clock) {
        this.sender = sender;
        this.references = references;
        this.clock = clock;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ItemGroupView> create(RequestContext context, @RequestBody JsonNode json) {
        JsonBody body = JsonBody.of(json, ItemGroupRequests.CREATE_FIELDS);
        String sid = body.sid("sid");
        String itemSid = body.sid("itemSid");
        String itemUniqueName = body.name("itemUniqueName");
        String orderSid = body.sid("orderSid");
        String orderUniqueName = body.name("orderUniqueName");
        var details = ItemGroupRequests.details(body);
        if (itemSid == null && itemUniqueName == null) {
            body.reject("itemSid", "an item is required: itemSid, or itemUniqueName with orderSid or orderUniqueName");
        }
        body.validate();
        String groupSid = sid == null ? UUID.randomUUID().toString() : sid;
        return sender.blocking(() -> references.item(context.orgId(), itemSid, itemUniqueName, orderSid,
                        orderUniqueName))
                .flatMap(item -> sender.send(new CreateItemGroup(groupSid, context.orgId(), item.parentId(),
                        item.id(), details), context));
    }

    @PatchMapping("/{sidOrUniqueName}")
    Mono<ItemGroupView> update(RequestContext context, @PathVariable String sidOrUniqueName,
                               @RequestHeader(name = "If-Match", required = false) String ifMatch,
                               ItemGroupLocator locator, @RequestBody JsonNode json) {
        Long expectedVersion = ItemGroupRequests.expectedVersion(ifMatch);
        JsonBody body = JsonBody.of(json, ItemGroupRequests.PATCH_FIELDS);
        var patch = ItemGroupRequests.patch(body, clock);
        body.validate();
        return sender.blocking(() -> references.itemGroup(context.orgId(), sidOrUniqueName, locator))
                .flatMap(group -> sender.send(new UpdateItemGroup(group.id(), context.orgId(), expectedVersion,
                        patch), context));
    }

    @DeleteMapping("/{sidOrUniqueName}")
    Mono<Map<String, String>> delete(RequestContext context, @PathVariable String sidOrUniqueName,
                                     @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                     ItemGroupLocator locator) {
        Long expectedVersion = ItemGroupRequests.expectedVersion(ifMatch);
        return sender.blocking(() -> references.itemGroup(context.orgId(), sidOrUniqueName, locator))
                .flatMap(group -> sender.<String>send(new DeleteItemGroup(group.id(), context.orgId(),
                        expectedVersion), context))
                .map(WriteSupport::deleted);
    }

    /** Divides a lot: {@code quantities} add up to its quantity; the lot keeps the first, new lots get the rest. */
    @PostMapping("/{sid}/split")
    Mono<Map<String, List<ItemGroupView>>> split(RequestContext context, @PathVariable String sid,
                                                 @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                 @RequestBody JsonNode json) {
        Long expectedVersion = ItemGroupRequests.expectedVersion(ifMatch);
        JsonBody body = JsonBody.of(json, Set.of("quantities", "newSids", "newUniqueNames"));
        var parts = SplitRequest.read(body);
        body.validate();
        return sender.blocking(() -> references.itemGroup(context.orgId(), sid))
                .flatMap(group -> sender.<List<ItemGroupView>>send(new SplitItemGroup(group.id(), context.orgId(),
                        expectedVersion, parts.kept(), parts.newGroups()), context))
                .map(views -> Map.of("data", views));
    }

    /** Combines lots of one item into the first one named. */
    @PostMapping("/combine")
    Mono<ItemGroupView> combine(RequestContext context, @RequestBody JsonNode json) {
        JsonBody body = JsonBody.of(json, Set.of("itemGroupSids"));
        List<String> sids = body.required("itemGroupSids", body.ids("itemGroupSids", 100));
        if (sids != null && (sids.size() < 2 || Set.copyOf(sids).size() != sids.size())) {
            body.reject("itemGroupSids", "must name at least two different item groups");
        }
        body.validate();
        return sender.blocking(() -> references.itemGroup(context.orgId(), sids.get(0)))
                .flatMap(target -> sender.send(new CombineItemGroups(target.id(), context.orgId(),
                        sids.subList(1, sids.size())), context));
    }
}
