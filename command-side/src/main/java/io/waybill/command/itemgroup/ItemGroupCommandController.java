package io.waybill.command.itemgroup;

import io.waybill.api.ErrorCode;
import io.waybill.platform.web.Refusals;
import io.waybill.api.itemgroup.SplitView;
import io.waybill.command.support.WriteSupport.DeletedAnswer;
import io.waybill.command.support.CommandSender;
import io.waybill.api.access.Role;
import io.waybill.platform.security.Access;
import io.waybill.api.itemgroup.CombineItemGroups;
import io.waybill.api.itemgroup.CreateItemGroup;
import io.waybill.api.itemgroup.DeleteItemGroup;
import io.waybill.api.itemgroup.ItemGroupView;
import io.waybill.api.itemgroup.SplitItemGroup;
import io.waybill.api.itemgroup.UpdateItemGroup;
import io.waybill.command.itemgroup.ItemGroupRequests.CombineItemGroupsRequest;
import io.waybill.command.itemgroup.ItemGroupRequests.CreateItemGroupRequest;
import io.waybill.command.itemgroup.ItemGroupRequests.SplitItemGroupRequest;
import io.waybill.command.itemgroup.ItemGroupRequests.UpdateItemGroupRequest;
import io.waybill.platform.web.RequestContext;
import org.springdoc.core.annotations.ParameterObject;
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

import java.time.Clock;
import java.util.List;
import java.util.UUID;

@Refusals(ErrorCode.CONFLICT)
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

    @Refusals(ErrorCode.NOT_FOUND)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ItemGroupView> create(RequestContext context, @RequestBody CreateItemGroupRequest request) {
        String groupSid = request.id() == null ? UUID.randomUUID().toString() : request.id();
        if (request.itemId() != null && request.itemUniqueName() == null && request.orderId() == null
                && request.orderUniqueName() == null) {
            // the item by its sid alone: the handler finds it, and its order, in the command's transaction
            return sender.create(new CreateItemGroup(groupSid, context.orgId(), null, request.itemId(),
                    request.details()), context);
        }
        return sender.blocking(() -> references.item(context.orgId(), request.itemId(), request.itemUniqueName(),
                        request.orderId(), request.orderUniqueName()))
                .flatMap(item -> sender.create(new CreateItemGroup(groupSid, context.orgId(), item.parentId(),
                        item.id(), request.details()), context));
    }

    @Refusals(ErrorCode.INVALID_TRANSITION)
    @PatchMapping("/{idOrUniqueName}")
    Mono<ItemGroupView> update(RequestContext context, @PathVariable String idOrUniqueName,
                               @RequestHeader(name = "If-Match", required = false) String ifMatch,
                               @ParameterObject ItemGroupLocator locator, @RequestBody UpdateItemGroupRequest request) {
        Long expectedVersion = ItemGroupRequests.expectedVersion(ifMatch);
        var patch = request.patch(clock);
        return sender.blocking(() -> references.itemGroup(context.orgId(), idOrUniqueName, locator))
                .flatMap(group -> sender.send(new UpdateItemGroup(group.id(), context.orgId(), expectedVersion,
                        patch), context));
    }

    @DeleteMapping("/{idOrUniqueName}")
    Mono<DeletedAnswer> delete(RequestContext context, @PathVariable String idOrUniqueName,
                               @RequestHeader(name = "If-Match", required = false) String ifMatch,
                               @ParameterObject ItemGroupLocator locator) {
        Long expectedVersion = ItemGroupRequests.expectedVersion(ifMatch);
        return sender.blocking(() -> references.itemGroup(context.orgId(), idOrUniqueName, locator))
                .flatMap(group -> sender.<String>send(new DeleteItemGroup(group.id(), context.orgId(),
                        expectedVersion), context))
                .map(DeletedAnswer::new);
    }

    /** Divides a lot: {@code quantities} add up to its quantity; the lot keeps the first, new lots get the rest. */
    @Refusals(ErrorCode.INVALID_TRANSITION)
    @PostMapping("/{id}/split")
    Mono<SplitView> split(RequestContext context, @PathVariable String id,
                          @RequestHeader(name = "If-Match", required = false) String ifMatch,
                          @RequestBody SplitItemGroupRequest parts) {
        Long expectedVersion = ItemGroupRequests.expectedVersion(ifMatch);
        return sender.blocking(() -> references.itemGroup(context.orgId(), id))
                .flatMap(group -> sender.<SplitView>send(new SplitItemGroup(group.id(), context.orgId(),
                        expectedVersion, parts.kept(), parts.newGroups()), context));
    }

    /** Combines lots of one item into the first one named. */
    @Refusals({ErrorCode.NOT_FOUND, ErrorCode.INVALID_TRANSITION})
    @PostMapping("/combine")
    Mono<ItemGroupView> combine(RequestContext context, @RequestBody CombineItemGroupsRequest request) {
        List<String> sids = request.itemGroupIds();
        return sender.blocking(() -> references.itemGroup(context.orgId(), sids.get(0)))
                .flatMap(target -> sender.send(new CombineItemGroups(target.id(), context.orgId(),
                        sids.subList(1, sids.size())), context));
    }
}
