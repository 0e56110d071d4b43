package io.waybill.command.order;

import io.waybill.command.support.WriteSupport;
import io.waybill.command.support.CommandSender;
import io.waybill.api.access.Role;
import io.waybill.platform.security.Access;
import io.waybill.api.order.AddItem;
import io.waybill.api.order.DeleteItem;
import io.waybill.api.order.ItemDetails;
import io.waybill.api.order.ItemPatch;
import io.waybill.api.order.ItemView;
import io.waybill.api.order.UpdateItem;
import io.waybill.platform.web.JsonBody;
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
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

@RestController
@Access(Role.MEMBER)
@RequestMapping("/api/items")
class ItemCommandController {

    private static final Set<String> FIELDS = Set.of("uniqueName", "title", "status", "quantity", "pricePerUnit",
            "nonRecurringCost", "leadTime", "shipTime", "lineNumber", "description", "manufacturerPartNumber",
            "revision", "eventRelations");
    private static final Set<String> CREATE_FIELDS = WriteSupport.with(FIELDS, "sid", "orderSid",
            "orderUniqueName");
    private static final int MAX_DAYS = 36_500;
    private final CommandSender sender;
    private final OrderReferences references;

    ItemCommandController(CommandSender sender, OrderReferences references) {
        this.sender = sender;
        this.references = references;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ItemView> create(RequestContext context, @RequestBody JsonNode json) {
        JsonBody body = JsonBody.of(json, CREATE_FIELDS);
        String sid = body.sid("sid");
        String orderSid = body.sid("orderSid");
        String orderUniqueName = body.name("orderUniqueName");
        var details = new ItemDetails(body.name("uniqueName"), body.string("title", 1000), body.status("status"),
                body.required("quantity", body.decimal("quantity", true)), body.decimal("pricePerUnit", false),
                body.decimal("nonRecurringCost", false), body.integer("leadTime", 0, MAX_DAYS),
                body.integer("shipTime", 0, MAX_DAYS), body.integer("lineNumber", 0, Integer.MAX_VALUE),
                body.string("description", 4000), body.name("manufacturerPartNumber"), body.name("revision"),
                body.ids("eventRelations", 10));
        if (orderSid == null && orderUniqueName == null) {
            body.reject("orderSid", "at least one of orderSid and orderUniqueName is required");
        }
        body.validate();
        String itemSid = sid == null ? UUID.randomUUID().toString() : sid;
        return sender.blocking(() -> references.order(context.orgId(), orderSid, orderUniqueName))
                .flatMap(order -> sender.send(new AddItem(order.id(), context.orgId(), itemSid, details), context));
    }

    @PatchMapping("/{sidOrUniqueName}")
    Mono<ItemView> update(RequestContext context, @PathVariable String sidOrUniqueName,
                          @RequestParam(required = false) String orderSid,
                          @RequestParam(required = false) String orderUniqueName, @RequestBody JsonNode json) {
        JsonBody body = JsonBody.of(json, FIELDS);
        var patch = new ItemPatch(body.change("uniqueName", body::name),
                body.change("title", f -> body.string(f, 1000)), body.change("status", body::status),
                body.change("quantity", f -> body.decimal(f, true)),
                body.change("pricePerUnit", f -> body.decimal(f, false)),
                body.change("nonRecurringCost", f -> body.decimal(f, false)),
                body.change("leadTime", f -> body.integer(f, 0, MAX_DAYS)),
                body.change("shipTime", f -> body.integer(f, 0, MAX_DAYS)),
                body.change("lineNumber", f -> body.integer(f, 0, Integer.MAX_VALUE)),
                body.change("description", f -> body.string(f, 4000)),
                body.change("manufacturerPartNumber", body::name), body.change("revision", body::name),
                body.change("eventRelations", f -> body.ids(f, 10)));
        body.validate();
        return sender.blocking(() -> references.item(context.orgId(), sidOrUniqueName, orderSid, orderUniqueName))
                .flatMap(item -> sender.send(new UpdateItem(item.parentId(), context.orgId(), item.id(), patch),
                        context));
    }

    @DeleteMapping("/{sidOrUniqueName}")
    Mono<Map<String, String>> delete(RequestContext context, @PathVariable String sidOrUniqueName,
                                     @RequestParam(required = false) String orderSid,
                                     @RequestParam(required = false) String orderUniqueName) {
        return sender.blocking(() -> references.item(context.orgId(), sidOrUniqueName, orderSid, orderUniqueName))
                .flatMap(item -> sender.<String>send(new DeleteItem(item.parentId(), context.orgId(), item.id()),
                        context))
                .map(WriteSupport::deleted);
    }
}
