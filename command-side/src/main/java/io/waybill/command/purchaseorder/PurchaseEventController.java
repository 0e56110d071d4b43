package io.waybill.command.purchaseorder;

import io.waybill.api.access.Role;
import io.waybill.api.purchaseorder.PurchaseEvent;
import io.waybill.api.purchaseorder.PurchaseEventAnswer;
import io.waybill.api.purchaseorder.RecordPurchaseEvent;
import io.waybill.command.support.CommandSender;
import io.waybill.platform.request.JsonRequests;
import io.waybill.platform.security.Access;
import io.waybill.platform.web.RequestContext;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** Records purchase events (seed 002) on the lines of a purchase order. */
@RestController
@Access(Role.MEMBER)
class PurchaseEventController {

    private final CommandSender sender;
    private final PurchaseOrderReferences references;
    private final JsonRequests requests;

    PurchaseEventController(CommandSender sender, PurchaseOrderReferences references, JsonRequests requests) {
        this.sender = sender;
        this.references = references;
        this.requests = requests;
    }

    /** {@link PurchaseEventRequest}: 201 with the event, the order and its lines after it. */
    @PostMapping("/api/purchase-events")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<PurchaseEventAnswer> record(RequestContext context, @RequestBody JsonNode json) {
        PurchaseEvent event = requests.read(json, PurchaseEventRequest.class).event();
        String org = context.orgId();
        return sender.blocking(() -> references.purchaseEventOrder(org, event.id(), event.lineIds()))
                .flatMap(order -> sender.send(new RecordPurchaseEvent(order, org, event), context));
    }
}
