package io.waybill.command.order;

import io.waybill.api.ErrorCode;
import io.waybill.platform.web.Refusals;
import io.waybill.command.support.WriteSupport.DeletedAnswer;
import io.waybill.command.support.CommandSender;
import io.waybill.api.access.Role;
import io.waybill.platform.security.Access;
import io.waybill.api.order.AddItem;
import io.waybill.api.order.DeleteItem;
import io.waybill.api.order.ItemView;
import io.waybill.api.order.UpdateItem;
import io.waybill.platform.web.RequestContext;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.UUID;

@Refusals(ErrorCode.CONFLICT)
@RestController
@Access(Role.MEMBER)
@RequestMapping("/api/items")
class ItemCommandController {

    private final CommandSender sender;
    private final OrderReferences references;

    ItemCommandController(CommandSender sender, OrderReferences references) {
        this.sender = sender;
        this.references = references;
    }

    @Refusals(ErrorCode.NOT_FOUND)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ItemView> create(RequestContext context, @RequestBody ItemRequests.CreateItemRequest request) {
        String itemId = request.id() == null ? UUID.randomUUID().toString() : request.id();
        return sender.blocking(() -> references.order(context.orgId(), request.orderId(), request.orderUniqueName()))
                .flatMap(order -> sender.send(new AddItem(order.id(), context.orgId(), itemId, request.details()),
                        context));
    }

    @PatchMapping("/{idOrUniqueName}")
    Mono<ItemView> update(RequestContext context, @PathVariable String idOrUniqueName,
                          @RequestParam(required = false) String orderId,
                          @RequestParam(required = false) String orderUniqueName,
                          @RequestBody ItemRequests.UpdateItemRequest request) {
        var patch = request.patch();
        return sender.blocking(() -> references.item(context.orgId(), idOrUniqueName, orderId, orderUniqueName))
                .flatMap(item -> sender.send(new UpdateItem(item.parentId(), context.orgId(), item.id(), patch),
                        context));
    }

    @DeleteMapping("/{idOrUniqueName}")
    Mono<DeletedAnswer> delete(RequestContext context, @PathVariable String idOrUniqueName,
                               @RequestParam(required = false) String orderId,
                               @RequestParam(required = false) String orderUniqueName) {
        return sender.blocking(() -> references.item(context.orgId(), idOrUniqueName, orderId, orderUniqueName))
                .flatMap(item -> sender.<String>send(new DeleteItem(item.parentId(), context.orgId(), item.id()),
                        context))
                .map(DeletedAnswer::new);
    }
}
