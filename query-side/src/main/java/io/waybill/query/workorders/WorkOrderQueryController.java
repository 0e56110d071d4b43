package io.waybill.query.workorders;

import io.waybill.api.DomainException;
import io.waybill.api.Page;
import io.waybill.api.access.Role;
import io.waybill.api.workorder.WorkOrderAnswer;
import io.waybill.api.workorder.WorkOrderAvailability;
import io.waybill.api.workorder.WorkOrderReceiptAnswer;
import io.waybill.api.workorder.WorkOrderReceiptView;
import io.waybill.api.workorder.WorkOrderStatus;
import io.waybill.api.workorder.WorkOrderVerification;
import io.waybill.api.workorder.WorkOrderView;
import io.waybill.platform.security.Access;
import io.waybill.platform.web.BlockingCalls;
import io.waybill.platform.web.PageRequest;
import io.waybill.platform.web.RequestContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Lists and reads work orders with their lines and inputs, and their receipts. */
@RestController
@Access(Role.VIEWER)
class WorkOrderQueryController {

    private final WorkOrderRepository orders;
    private final WorkOrderAvailabilityReader availability;
    private final WorkOrderVerifier verifier;
    private final BlockingCalls blocking;

    WorkOrderQueryController(WorkOrderRepository orders, WorkOrderAvailabilityReader availability,
                             WorkOrderVerifier verifier, BlockingCalls blocking) {
        this.orders = orders;
        this.availability = availability;
        this.verifier = verifier;
        this.blocking = blocking;
    }

    @GetMapping("/api/work-orders")
    Mono<Page<WorkOrderView>> list(RequestContext context, @RequestParam(required = false) List<String> status,
                                   @RequestParam(required = false) String skuId,
                                   @RequestParam(required = false) String materialId,
                                   @RequestParam(required = false) String workSiteLocationId,
                                   @RequestParam(required = false) String cursor,
                                   @RequestParam(required = false) String limit) {
        return orders.list(context.orgId(), WorkOrderFilter.of(status, skuId, materialId, workSiteLocationId),
                PageRequest.of(cursor, limit));
    }

    /** The order, its lines with their BOMs, and its inputs with what it holds in the ledger. */
    @GetMapping("/api/work-orders/{id}")
    Mono<WorkOrderAnswer> get(RequestContext context, @PathVariable String id) {
        return order(context, id).flatMap(order -> Mono.zip(orders.lines(context.orgId(), id),
                        orders.inputs(context.orgId(), id))
                .map(both -> new WorkOrderAnswer(order, both.getT1(), both.getT2())));
    }

    /** Clear-to-build: what the order can make now with what it holds and what is free at its work site. */
    @GetMapping("/api/work-orders/{id}/availability")
    Mono<WorkOrderAvailability> availability(RequestContext context, @PathVariable String id) {
        return order(context, id).flatMap(order -> availability.read(context.orgId(), order));
    }

    @GetMapping("/api/work-orders/{id}/receipts")
    Mono<Page<WorkOrderReceiptView>> receipts(RequestContext context, @PathVariable String id,
                                              @RequestParam(required = false) String cursor,
                                              @RequestParam(required = false) String limit) {
        return order(context, id).then(orders.receipts(context.orgId(), id, PageRequest.of(cursor, limit)));
    }

    /** A receipt with its lines, and its order as it is now. */
    @GetMapping("/api/work-order-receipts/{id}")
    Mono<WorkOrderReceiptAnswer> receipt(RequestContext context, @PathVariable String id) {
        return orders.receipt(context.orgId(), id)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("work order receipt", id)))
                .flatMap(receipt -> Mono.zip(order(context, receipt.workOrderId()),
                                orders.receiptItems(context.orgId(), id).collectList())
                        .map(both -> new WorkOrderReceiptAnswer(both.getT1(), receipt, both.getT2())));
    }

    /** Whether the ledger holds what every live order (or one) decided it owes it: see {@link WorkOrderVerifier}. */
    @GetMapping("/api/inventory/verify/work-orders")
    Mono<WorkOrderVerification> verify(RequestContext context, @RequestParam(required = false) String workOrderId) {
        return blocking.call(() -> verifier.verify(context.orgId(), workOrderId));
    }

    /** The statuses of the lifecycle, in order, each with those a request may move an order on to. */
    @GetMapping("/api/work-order-statuses")
    Map<String, List<Map<String, Object>>> statuses() {
        return Map.of("data", Arrays.stream(WorkOrderStatus.values())
                .map(status -> Map.<String, Object>of("status", status.label(), "next",
                        status.next().stream().map(WorkOrderStatus::label).toList()))
                .toList());
    }

    private Mono<WorkOrderView> order(RequestContext context, String id) {
        return orders.find(context.orgId(), id, false)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("work order", id)));
    }
}
