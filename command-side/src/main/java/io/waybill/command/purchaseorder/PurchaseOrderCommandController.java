package io.waybill.command.purchaseorder;

import io.waybill.api.ErrorCode;
import io.waybill.platform.web.Refusals;
import io.waybill.api.access.Role;
import io.waybill.api.inventory.LedgerSources;
import io.waybill.api.purchaseorder.AddPurchaseOrderItem;
import io.waybill.api.purchaseorder.ControlPurchaseOrder;
import io.waybill.api.purchaseorder.CreatePurchaseOrder;
import io.waybill.api.purchaseorder.DeletePurchaseOrder;
import io.waybill.api.purchaseorder.DeletePurchaseOrderReceipt;
import io.waybill.api.purchaseorder.PlanReceiptDeletion;
import io.waybill.api.purchaseorder.PurchaseOrderAnswer;
import io.waybill.api.purchaseorder.PurchaseOrderControl;
import io.waybill.api.purchaseorder.PurchaseOrderItemView;
import io.waybill.api.purchaseorder.PurchaseOrderLine;
import io.waybill.api.purchaseorder.PurchaseOrderReceipt;
import io.waybill.api.purchaseorder.ReceiptAnswer;
import io.waybill.api.purchaseorder.ReceiptLine;
import io.waybill.api.purchaseorder.ReceivePurchaseOrder;
import io.waybill.api.purchaseorder.PurchaseOrderView;
import io.waybill.api.purchaseorder.ReceiptDeletionPlan;
import io.waybill.api.purchaseorder.RemovePurchaseOrderItem;
import io.waybill.api.purchaseorder.UpdatePurchaseOrder;
import io.waybill.api.purchaseorder.UpdatePurchaseOrderItem;
import io.waybill.api.purchaseorder.UpdatePurchaseOrderReceipt;
import io.waybill.command.purchaseorder.PurchaseOrderRequests.CreatePurchaseOrderRequest;
import io.waybill.command.purchaseorder.PurchaseOrderRequests.PurchaseOrderLineRequest;
import io.waybill.command.purchaseorder.PurchaseOrderRequests.PurchaseOrderReceiptRequest;
import io.waybill.command.purchaseorder.PurchaseOrderRequests.PurchaseOrderUpdateLineRequest;
import io.waybill.command.purchaseorder.PurchaseOrderRequests.PurchaseOrderUpdateReceiptRequest;
import io.waybill.command.purchaseorder.PurchaseOrderRequests.UpdatePurchaseOrderRequest;
import io.waybill.command.inventory.LedgerChecks;
import io.waybill.command.support.CommandSender;
import io.waybill.command.support.WriteSupport;
import io.waybill.command.support.WriteSupport.DeletedAnswer;
import io.waybill.command.support.WriteSupport.BulkAnswer;
import io.waybill.platform.request.JsonRequests;
import io.waybill.platform.request.Patches;
import io.waybill.platform.request.Problems;
import io.waybill.platform.security.Access;
import io.waybill.platform.web.BodyShape;
import io.waybill.platform.web.RequestContext;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Creates, changes, controls and deletes purchase orders and their lines, and takes in and deletes receipts. */
@RestController
@Access(Role.MEMBER)
class PurchaseOrderCommandController {

    static final int MAX_IMPORT_ROWS = 200;

    private final CommandSender sender;
    private final PurchaseOrderReferences references;
    private final LedgerChecks checks;
    private final JsonRequests requests;
    private final Clock clock;

    PurchaseOrderCommandController(CommandSender sender, PurchaseOrderReferences references, LedgerChecks checks,
                                   JsonRequests requests, Clock clock) {
        this.sender = sender;
        this.references = references;
        this.checks = checks;
        this.requests = requests;
        this.clock = clock;
    }

    @Refusals({ErrorCode.NOT_FOUND, ErrorCode.CONFLICT})
    @PostMapping("/api/purchase-orders")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<PurchaseOrderAnswer> create(RequestContext context,
                                     @BodyShape(CreatePurchaseOrderRequest.class) @RequestBody JsonNode json) {
        return sender.create(createCommand(context, json), context);
    }

    /**
     * {@code {rows: [...]}}, each row a create as above, created on its own and in order, so one bad row does not
     * stop the others: {@code {data: [{index, status, id?, error?}]}}.
     */
    @PostMapping("/api/purchase-orders/import")
    Mono<BulkAnswer> importRows(RequestContext context,
                                @BodyShape(WriteSupport.BulkRequest.class)
                                @RequestBody JsonNode json) {
        JsonNode rows = WriteSupport.bulkRows(requests, json, MAX_IMPORT_ROWS);
        return WriteSupport.bulk(rows, "created", row -> Mono.fromCallable(() -> createCommand(context, row))
                        .flatMap(command -> sender.<PurchaseOrderAnswer>create(command, context))
                        .map(answer -> answer.purchaseOrder().id()),
                row -> row.path("id").isString() ? row.path("id").asString() : null);
    }

    private CreatePurchaseOrder createCommand(RequestContext context, JsonNode json) {
        Problems problems = new Problems();
        CreatePurchaseOrderRequest request = requests.read(json, CreatePurchaseOrderRequest.class, problems);
        List<PurchaseOrderLine> lines = PurchaseOrderRequests.lines(requests, request.items(), request.targetType(),
                problems);
        problems.throwIfAny();
        String id = request.id() == null ? UUID.randomUUID().toString() : request.id();
        return new CreatePurchaseOrder(id, context.orgId(), request.targetType(), request.details(), lines);
    }

    @Refusals({ErrorCode.CONFLICT, ErrorCode.INVALID_TRANSITION})
    @PatchMapping("/api/purchase-orders/{id}")
    Mono<PurchaseOrderView> update(RequestContext context, @PathVariable String id,
                                   @RequestBody UpdatePurchaseOrderRequest request) {
        var patch = request.patch();
        return sender.blocking(() -> references.purchaseOrder(context.orgId(), id))
                .flatMap(order -> sender.send(new UpdatePurchaseOrder(order.id(), context.orgId(), patch), context));
    }

    @Refusals({ErrorCode.CONFLICT, ErrorCode.INVALID_TRANSITION})
    @DeleteMapping("/api/purchase-orders/{id}")
    Mono<DeletedAnswer> delete(RequestContext context, @PathVariable String id) {
        return sender.blocking(() -> references.purchaseOrder(context.orgId(), id))
                .flatMap(order -> sender.<String>send(new DeletePurchaseOrder(order.id(), context.orgId()), context))
                .map(DeletedAnswer::new);
    }

    /** The controls a member may apply: mark sent, lock, archive, unarchive, close. No body, or {@code {}}. */
    @Refusals({ErrorCode.CONFLICT, ErrorCode.INVALID_TRANSITION})
    @PostMapping("/api/purchase-orders/{id}/{control:send|lock|archive|unarchive|close}")
    Mono<PurchaseOrderView> control(RequestContext context, @PathVariable String id, @PathVariable String control,
                                    @RequestBody(required = false) JsonNode json) {
        return control(context, id, control, Role.MEMBER, json);
    }

    /** The controls that take an admin: approve, unlock, void. No body, or {@code {}}. */
    @Refusals({ErrorCode.CONFLICT, ErrorCode.INVALID_TRANSITION})
    @PostMapping("/api/purchase-orders/{id}/{control:approve|unlock|void}")
    @Access(Role.ADMIN)
    Mono<PurchaseOrderView> adminControl(RequestContext context, @PathVariable String id,
                                         @PathVariable String control, @RequestBody(required = false) JsonNode json) {
        return control(context, id, control, Role.ADMIN, json);
    }

    @Refusals({ErrorCode.CONFLICT, ErrorCode.INVALID_TRANSITION})
    @PostMapping("/api/purchase-orders/{id}/receipts")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ReceiptAnswer> receive(RequestContext context, @PathVariable String id,
                                @BodyShape(PurchaseOrderReceiptRequest.class) @RequestBody JsonNode json) {
        Problems problems = new Problems();
        PurchaseOrderReceiptRequest request = requests.read(json, PurchaseOrderReceiptRequest.class, problems);
        List<ReceiptLine> items = PurchaseOrderRequests.receiptLines(requests, request.items(), problems);
        problems.throwIfAny();
        PurchaseOrderReceipt receipt = new PurchaseOrderReceipt(request.id() == null ? UUID.randomUUID().toString()
                : request.id(), request.receiptDate() == null ? LocalDate.now(clock) : request.receiptDate(),
                request.locationId(), request.notes(), Boolean.TRUE.equals(request.allowOverReceipt()), items);
        return sender.blocking(() -> references.purchaseOrder(context.orgId(), id))
                .flatMap(order -> sender.send(new ReceivePurchaseOrder(order.id(), context.orgId(), receipt),
                        context));
    }

    private Mono<PurchaseOrderView> control(RequestContext context, String id, String action, Role declared,
                                            JsonNode json) {
        if (json != null) {
            requests.read(json, WriteSupport.NoFields.class);
        }
        PurchaseOrderControl control = PurchaseOrderControl.ofAction(action)
                .filter(known -> known.role() == declared)
                .orElseThrow(() -> new IllegalStateException("no " + declared + " control " + action));
        return sender.blocking(() -> references.purchaseOrder(context.orgId(), id))
                .flatMap(order -> sender.send(new ControlPurchaseOrder(order.id(), context.orgId(), control),
                        context));
    }

    @Refusals({ErrorCode.CONFLICT, ErrorCode.INVALID_TRANSITION})
    @PatchMapping("/api/purchase-order-receipts/{id}")
    Mono<ReceiptAnswer> updateReceipt(RequestContext context, @PathVariable String id,
                                      @RequestBody PurchaseOrderUpdateReceiptRequest request) {
        return sender.blocking(() -> references.receipt(context.orgId(), id))
                .flatMap(receipt -> sender.send(new UpdatePurchaseOrderReceipt(receipt.parentId(), context.orgId(),
                        id, Patches.change(request.notes())), context));
    }

    /**
     * Deletes a receipt: the order says which entries that reverses, the ledgers whether they can take the reversals
     * (a receipt whose stock was used since is refused here, changing nothing), then the order deletes it.
     */
    @Refusals({ErrorCode.CONFLICT, ErrorCode.INVALID_TRANSITION, ErrorCode.INSUFFICIENT_STOCK})
    @DeleteMapping("/api/purchase-order-receipts/{id}")
    Mono<DeletedAnswer> deleteReceipt(RequestContext context, @PathVariable String id) {
        String org = context.orgId();
        return sender.blocking(() -> references.receipt(org, id))
                .flatMap(receipt -> sender.<ReceiptDeletionPlan>send(new PlanReceiptDeletion(receipt.parentId(), org,
                                id), context)
                        .flatMap(plan -> checks.reversals(context, plan.entries(), LedgerSources.PURCHASE_ORDER))
                        .then(sender.<String>send(new DeletePurchaseOrderReceipt(receipt.parentId(), org, id),
                                context)))
                .map(DeletedAnswer::new);
    }

    @Refusals({ErrorCode.CONFLICT, ErrorCode.INVALID_TRANSITION})
    @PostMapping("/api/purchase-orders/{id}/items")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<PurchaseOrderItemView> addItem(RequestContext context, @PathVariable String id,
                                        @RequestBody PurchaseOrderLineRequest line) {
        return sender.blocking(() -> references.purchaseOrder(context.orgId(), id))
                .flatMap(order -> sender.send(new AddPurchaseOrderItem(order.id(), context.orgId(), line.line(),
                        line.named()), context));
    }

    @Refusals({ErrorCode.CONFLICT, ErrorCode.INVALID_TRANSITION})
    @PatchMapping("/api/purchase-order-items/{id}")
    Mono<PurchaseOrderItemView> updateItem(RequestContext context, @PathVariable String id,
                                           @RequestBody PurchaseOrderUpdateLineRequest line) {
        return sender.blocking(() -> references.line(context.orgId(), id))
                .flatMap(entry -> sender.send(new UpdatePurchaseOrderItem(entry.parentId(), context.orgId(), id,
                        line.itemId(), line.named(), line.quantity(), Patches.change(line.unitCost())), context));
    }

    @Refusals({ErrorCode.CONFLICT, ErrorCode.INVALID_TRANSITION})
    @DeleteMapping("/api/purchase-order-items/{id}")
    Mono<DeletedAnswer> deleteItem(RequestContext context, @PathVariable String id) {
        return sender.blocking(() -> references.line(context.orgId(), id))
                .flatMap(entry -> sender.<String>send(new RemovePurchaseOrderItem(entry.parentId(), context.orgId(),
                        id), context))
                .map(DeletedAnswer::new);
    }
}
