package io.waybill.command.purchaseorder;

import io.waybill.api.ErrorCode;
import io.waybill.platform.web.Refusals;
import io.waybill.api.access.Role;
import io.waybill.api.purchaseorder.PurchaseEvent;
import io.waybill.api.purchaseorder.PurchaseEventAnswer;
import io.waybill.api.purchaseorder.RecordPurchaseEvent;
import io.waybill.command.support.CommandSender;
import io.waybill.platform.security.Access;
import io.waybill.platform.web.RequestContext;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Records purchase events (seed 002) on the lines of a purchase order. */
@RestController
@Access(Role.MEMBER)
class PurchaseEventController {

    private final CommandSender sender;
    private final PurchaseOrderReferences references;

    PurchaseEventController(CommandSender sender, PurchaseOrderReferences references) {
        this.sender = sender;
        this.references = references;
    }

    /** {@link PurchaseEventRequest}: 201 with the event, the order and its lines after it. */
    @Refusals({ErrorCode.NOT_FOUND, ErrorCode.CONFLICT, ErrorCode.INVALID_TRANSITION})
    @PostMapping("/api/purchase-events")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<PurchaseEventAnswer> record(RequestContext context, @RequestBody PurchaseEventRequest request) {
        PurchaseEvent event = request.event();
        String org = context.orgId();
        return sender.blocking(() -> references.purchaseEventOrder(org, event.id(), event.lineIds()))
                .flatMap(order -> sender.send(new RecordPurchaseEvent(order, org, event), context));
    }
}
