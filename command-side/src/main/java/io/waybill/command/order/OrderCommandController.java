package io.waybill.command.order;

import io.waybill.api.ErrorCode;
import io.waybill.platform.web.Refusals;
import io.waybill.command.support.WriteSupport.DeletedAnswer;
import io.waybill.command.support.CommandSender;
import io.waybill.api.access.Role;
import io.waybill.platform.security.Access;
import io.waybill.api.order.CreateOrder;
import io.waybill.api.order.DeleteOrder;
import io.waybill.api.order.OrderView;
import io.waybill.platform.web.RequestContext;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.UUID;

@Refusals(ErrorCode.CONFLICT)
@RestController
@Access(Role.MEMBER)
@RequestMapping("/api/orders")
class OrderCommandController {

    private final CommandSender sender;
    private final OrderReferences references;

    OrderCommandController(CommandSender sender, OrderReferences references) {
        this.sender = sender;
        this.references = references;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<OrderView> create(RequestContext context, @RequestBody OrderRequests.CreateOrderRequest request) {
        String orderId = request.id() == null ? UUID.randomUUID().toString() : request.id();
        return sender.create(new CreateOrder(orderId, context.orgId(), request.details()), context);
    }

    @PatchMapping("/{idOrUniqueName}")
    Mono<OrderView> update(RequestContext context, @PathVariable String idOrUniqueName,
                           @RequestBody OrderRequests.UpdateOrderRequest request) {
        return sender.blocking(() -> references.order(context.orgId(), idOrUniqueName))
                .flatMap(order -> sender.send(request.command(order.id(), context.orgId()), context));
    }

    @DeleteMapping("/{idOrUniqueName}")
    Mono<DeletedAnswer> delete(RequestContext context, @PathVariable String idOrUniqueName) {
        return sender.blocking(() -> references.order(context.orgId(), idOrUniqueName))
                .flatMap(order -> sender.<String>send(new DeleteOrder(order.id(), context.orgId()), context))
                .map(DeletedAnswer::new);
    }
}
