package io.waybill.command.order;

import io.waybill.command.support.WriteSupport;
import io.waybill.command.support.CommandSender;
import io.waybill.api.access.Role;
import io.waybill.platform.security.Access;
import io.waybill.api.order.CreateOrder;
import io.waybill.api.order.DeleteOrder;
import io.waybill.api.order.OrderDetails;
import io.waybill.api.order.OrderView;
import io.waybill.api.order.UpdateOrder;
import io.waybill.platform.web.JsonBody;
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
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

@RestController
@Access(Role.MEMBER)
@RequestMapping("/api/orders")
class OrderCommandController {

    private static final Set<String> FIELDS = Set.of("vendorSid", "vendorName", "uniqueName", "title",
            "eventRelations");
    private static final Set<String> CREATE_FIELDS = WriteSupport.with(FIELDS, "sid");
    private final CommandSender sender;
    private final OrderReferences references;

    OrderCommandController(CommandSender sender, OrderReferences references) {
        this.sender = sender;
        this.references = references;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<OrderView> create(RequestContext context, @RequestBody JsonNode json) {
        JsonBody body = JsonBody.of(json, CREATE_FIELDS);
        String sid = body.sid("sid");
        var details = new OrderDetails(body.name("vendorSid"), body.name("vendorName"), body.name("uniqueName"),
                body.string("title", 1000), body.ids("eventRelations", 10));
        if (details.vendorSid() == null && details.vendorName() == null) {
            body.reject("vendorSid", "at least one of vendorSid and vendorName is required");
        }
        body.validate();
        String orderSid = sid == null ? UUID.randomUUID().toString() : sid;
        return sender.send(new CreateOrder(orderSid, context.orgId(), details), context);
    }

    @PatchMapping("/{sidOrUniqueName}")
    Mono<OrderView> update(RequestContext context, @PathVariable String sidOrUniqueName,
                           @RequestBody JsonNode json) {
        JsonBody body = JsonBody.of(json, FIELDS);
        var vendorSid = body.change("vendorSid", body::name);
        var vendorName = body.change("vendorName", body::name);
        var uniqueName = body.change("uniqueName", body::name);
        var title = body.change("title", f -> body.string(f, 1000));
        var eventRelations = body.change("eventRelations", f -> body.ids(f, 10));
        body.validate();
        return sender.blocking(() -> references.order(context.orgId(), sidOrUniqueName))
                .flatMap(order -> sender.send(new UpdateOrder(order.id(), context.orgId(), vendorSid, vendorName,
                        uniqueName, title, eventRelations), context));
    }

    @DeleteMapping("/{sidOrUniqueName}")
    Mono<Map<String, String>> delete(RequestContext context, @PathVariable String sidOrUniqueName) {
        return sender.blocking(() -> references.order(context.orgId(), sidOrUniqueName))
                .flatMap(order -> sender.<String>send(new DeleteOrder(order.id(), context.orgId()), context))
                .map(WriteSupport::deleted);
    }
}
