package io.waybill.query.purchaseorders;

import io.waybill.api.DomainException;
import io.waybill.api.Page;
import io.waybill.api.access.Role;
import io.waybill.api.purchaseorder.PurchaseOrderAnswer;
import io.waybill.api.purchaseorder.PurchaseOrderItemView;
import io.waybill.api.purchaseorder.PurchaseOrderReceiptView;
import io.waybill.api.purchaseorder.PurchaseOrderStatus;
import io.waybill.api.purchaseorder.PurchaseOrderVerification;
import io.waybill.api.purchaseorder.PurchaseOrderView;
import io.waybill.api.purchaseorder.ReceiptAnswer;
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

/** Lists and reads purchase orders, their lines and their receipts. */
@RestController
@Access(Role.VIEWER)
class PurchaseOrderQueryController {

    private final PurchaseOrderRepository orders;
    private final PurchaseOrderVerifier verifier;
    private final BlockingCalls blocking;

    PurchaseOrderQueryController(PurchaseOrderRepository orders, PurchaseOrderVerifier verifier,
                                 BlockingCalls blocking) {
        this.orders = orders;
        this.verifier = verifier;
        this.blocking = blocking;
    }

    @GetMapping("/api/purchase-orders")
    Mono<Page<PurchaseOrderView>> list(RequestContext context, @RequestParam(required = false) List<String> status,
                                       @RequestParam(required = false) String vendorId,
                                       @RequestParam(required = false) String targetType,
                                       @RequestParam(required = false) String materialId,
                                       @RequestParam(required = false) String skuId,
                                       @RequestParam(required = false) String expectedBefore,
                                       @RequestParam(required = false) String q,
                                       @RequestParam(required = false) String archived,
                                       @RequestParam(required = false) String cursor,
                                       @RequestParam(required = false) String limit) {
        var filter = PurchaseOrderFilter.of(status, vendorId, targetType, materialId, skuId, expectedBefore, q,
                archived);
        return orders.list(context.orgId(), filter, PageRequest.of(cursor, limit));
    }

    @GetMapping("/api/purchase-orders/{id}")
    Mono<PurchaseOrderAnswer> get(RequestContext context, @PathVariable String id) {
        return order(context, id).flatMap(order -> orders.lines(context.orgId(), id).collectList()
                .map(lines -> new PurchaseOrderAnswer(order, lines)));
    }

    @GetMapping("/api/purchase-orders/{id}/items")
    Mono<Page<PurchaseOrderItemView>> lines(RequestContext context, @PathVariable String id,
                                            @RequestParam(required = false) String cursor,
                                            @RequestParam(required = false) String limit) {
        return order(context, id).then(orders.lines(context.orgId(), PurchaseOrderFilter.NONE, id,
                PageRequest.of(cursor, limit)));
    }

    /** Lines across orders: what is on order for an item, by the orders' status, vendor or target type. */
    @GetMapping("/api/purchase-order-items")
    Mono<Page<PurchaseOrderItemView>> linesAcross(RequestContext context,
                                                  @RequestParam(required = false) List<String> status,
                                                  @RequestParam(required = false) String vendorId,
                                                  @RequestParam(required = false) String targetType,
                                                  @RequestParam(required = false) String materialId,
                                                  @RequestParam(required = false) String skuId,
                                                  @RequestParam(required = false) String cursor,
                                                  @RequestParam(required = false) String limit) {
        var filter = PurchaseOrderFilter.of(status, vendorId, targetType, materialId, skuId, null, null, null);
        return orders.lines(context.orgId(), filter, null, PageRequest.of(cursor, limit));
    }

    @GetMapping("/api/purchase-order-items/{id}")
    Mono<PurchaseOrderItemView> line(RequestContext context, @PathVariable String id) {
        return orders.line(context.orgId(), id)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("purchase order item", id)));
    }

    @GetMapping("/api/purchase-orders/{id}/receipts")
    Mono<Page<PurchaseOrderReceiptView>> receipts(RequestContext context, @PathVariable String id,
                                                  @RequestParam(required = false) String cursor,
                                                  @RequestParam(required = false) String limit) {
        return order(context, id).then(orders.receipts(context.orgId(), id, PageRequest.of(cursor, limit)));
    }

    /** A receipt with its lines, and its order as it is now. */
    @GetMapping("/api/purchase-order-receipts/{id}")
    Mono<ReceiptAnswer> receipt(RequestContext context, @PathVariable String id) {
        return orders.receipt(context.orgId(), id)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("purchase order receipt", id)))
                .flatMap(receipt -> Mono.zip(order(context, receipt.purchaseOrderId()),
                        orders.receiptItems(context.orgId(), id).collectList())
                        .map(both -> new ReceiptAnswer(both.getT1(), receipt, both.getT2())));
    }

    /** Whether the ledger holds what every live order (or one) decided it owes it: see {@link PurchaseOrderVerifier}. */
    @GetMapping("/api/inventory/verify/purchase-orders")
    Mono<PurchaseOrderVerification> verify(RequestContext context,
                                           @RequestParam(required = false) String purchaseOrderId) {
        return blocking.call(() -> verifier.verify(context.orgId(), purchaseOrderId));
    }

    /** The statuses of the lifecycle, in order, each with those a request may move an order on to. */
    @GetMapping("/api/purchase-order-statuses")
    Map<String, List<Map<String, Object>>> statuses() {
        return Map.of("data", Arrays.stream(PurchaseOrderStatus.values())
                .map(status -> Map.<String, Object>of("status", status.label(), "next",
                        status.next().stream().map(PurchaseOrderStatus::label).toList()))
                .toList());
    }

    private Mono<PurchaseOrderView> order(RequestContext context, String id) {
        return orders.find(context.orgId(), id, false)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("purchase order", id)));
    }
}
