package io.waybill.command.workorder;

import io.waybill.api.ErrorCode;
import io.waybill.platform.web.Refusals;
import io.waybill.api.access.Role;
import io.waybill.api.catalog.BomLine;
import io.waybill.api.inventory.EntryType;
import io.waybill.api.inventory.LedgerSources;
import io.waybill.api.inventory.PostingPlan;
import io.waybill.api.workorder.AddWorkOrderItem;
import io.waybill.api.workorder.AllocateWorkOrder;
import io.waybill.api.workorder.CreateWorkOrder;
import io.waybill.api.workorder.DeleteWorkOrder;
import io.waybill.api.workorder.DeleteWorkOrderReceipt;
import io.waybill.api.workorder.PlanWorkOrderReceipt;
import io.waybill.api.workorder.PlanWorkOrderReceiptDeletion;
import io.waybill.api.workorder.PlanWorkOrderReceiptMove;
import io.waybill.api.workorder.ReceiveWorkOrder;
import io.waybill.api.workorder.RemoveWorkOrderItem;
import io.waybill.api.workorder.UpdateWorkOrder;
import io.waybill.api.workorder.UpdateWorkOrderItem;
import io.waybill.api.workorder.UpdateWorkOrderReceipt;
import io.waybill.api.workorder.WorkOrderAnswer;
import io.waybill.api.workorder.WorkOrderItemAnswer;
import io.waybill.api.workorder.WorkOrderItemRemovedAnswer;
import io.waybill.api.workorder.WorkOrderLine;
import io.waybill.api.workorder.WorkOrderReceipt;
import io.waybill.api.workorder.WorkOrderReceiptAnswer;
import io.waybill.api.workorder.WorkOrderView;
import io.waybill.command.inventory.LedgerChecks;
import io.waybill.command.support.CommandSender;
import io.waybill.command.support.WriteSupport;
import io.waybill.command.support.WriteSupport.DeletedAnswer;
import io.waybill.command.support.WriteSupport.BulkAnswer;
import io.waybill.command.workorder.WorkOrderRequests.CreateWorkOrderRequest;
import io.waybill.command.workorder.WorkOrderRequests.WorkOrderLineRequest;
import io.waybill.command.workorder.WorkOrderRequests.WorkOrderReceiptRequest;
import io.waybill.command.workorder.WorkOrderRequests.WorkOrderUpdateLineRequest;
import io.waybill.command.workorder.WorkOrderRequests.WorkOrderUpdateReceiptRequest;
import io.waybill.command.workorder.WorkOrderRequests.UpdateWorkOrderRequest;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Creates, changes, moves through their lifecycle and deletes work orders and their lines, allocates again, and takes
 * in and deletes receipts. A line records its SKU's bill of materials as the catalog holds it when the line is
 * added; a receipt's consumption and a deletion's reversal of production are checked with the ledgers first, so
 * a receipt that would overdraw a material is refused here and changes nothing.
 */
@RestController
@Access(Role.MEMBER)
class WorkOrderCommandController {

    static final int MAX_IMPORT_ROWS = 200;

    private final CommandSender sender;
    private final WorkOrderReferences references;
    private final BomReader boms;
    private final LedgerChecks checks;
    private final JsonRequests requests;
    private final Clock clock;

    WorkOrderCommandController(CommandSender sender, WorkOrderReferences references, BomReader boms,
                               LedgerChecks checks, JsonRequests requests, Clock clock) {
        this.sender = sender;
        this.references = references;
        this.boms = boms;
        this.checks = checks;
        this.requests = requests;
        this.clock = clock;
    }

    @Refusals({ErrorCode.NOT_FOUND, ErrorCode.CONFLICT, ErrorCode.INVALID_TRANSITION})
    @PostMapping("/api/work-orders")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<WorkOrderAnswer> create(RequestContext context,
                                 @BodyShape(CreateWorkOrderRequest.class) @RequestBody JsonNode json) {
        return createCommand(context, json).flatMap(command -> sender.create(command, context));
    }

    /**
     * {@code {rows: [...]}}, each row a create as above, created on its own and in order, so one bad row does not
     * stop the others: {@code {data: [{index, status, id?, error?}]}}.
     */
    @PostMapping("/api/work-orders/import")
    Mono<BulkAnswer> importRows(RequestContext context,
                                @BodyShape(WriteSupport.BulkRequest.class) @RequestBody JsonNode json) {
        JsonNode rows = WriteSupport.bulkRows(requests, json, MAX_IMPORT_ROWS);
        return WriteSupport.bulk(rows, "created", row -> Mono.defer(() -> createCommand(context, row))
                        .flatMap(command -> sender.<WorkOrderAnswer>create(command, context))
                        .map(answer -> answer.workOrder().id()),
                row -> row.path("id").isString() ? row.path("id").asString() : null);
    }

    private Mono<CreateWorkOrder> createCommand(RequestContext context, JsonNode json) {
        Problems problems = new Problems();
        CreateWorkOrderRequest request = requests.read(json, CreateWorkOrderRequest.class, problems);
        List<WorkOrderLineRequest> lines = WorkOrderRequests.lines(requests, request == null ? null : request.items(),
                problems);
        problems.throwIfAny();
        String id = request.id() == null ? UUID.randomUUID().toString() : request.id();
        return Flux.range(0, lines.size())
                .concatMap(i -> line(context, lines.get(i), "items[" + i + "].skuId"))
                .collectList()
                .map(items -> new CreateWorkOrder(id, context.orgId(), request.initial(), request.details(), items));
    }

    /** The line with its SKU's BOM as the catalog holds it now. */
    private Mono<WorkOrderLine> line(RequestContext context, WorkOrderLineRequest line, String field) {
        return boms.read(context, line.skuId(), field).map(bom -> new WorkOrderLine(line.id() == null
                ? UUID.randomUUID().toString() : line.id(), line.skuId(), line.quantity(), line.conversionCost(),
                bom));
    }

    @Refusals({ErrorCode.CONFLICT, ErrorCode.INVALID_TRANSITION})
    @PatchMapping("/api/work-orders/{id}")
    Mono<WorkOrderView> update(RequestContext context, @PathVariable String id,
                               @RequestBody UpdateWorkOrderRequest request) {
        var patch = request.patch();
        return sender.blocking(() -> references.workOrder(context.orgId(), id))
                .flatMap(order -> sender.send(new UpdateWorkOrder(order.id(), context.orgId(), patch), context));
    }

    @Refusals({ErrorCode.CONFLICT, ErrorCode.INVALID_TRANSITION})
    @DeleteMapping("/api/work-orders/{id}")
    Mono<DeletedAnswer> delete(RequestContext context, @PathVariable String id) {
        return sender.blocking(() -> references.workOrder(context.orgId(), id))
                .flatMap(order -> sender.<String>send(new DeleteWorkOrder(order.id(), context.orgId()), context))
                .map(DeletedAnswer::new);
    }

    /** Asks the ledger again for what the order still lacks of its materials. No body, or {@code {}}. */
    @Refusals({ErrorCode.CONFLICT, ErrorCode.INVALID_TRANSITION})
    @PostMapping("/api/work-orders/{id}/allocate")
    Mono<WorkOrderAnswer> allocate(RequestContext context, @PathVariable String id,
                                   @RequestBody(required = false) JsonNode json) {
        if (json != null) {
            requests.read(json, WriteSupport.NoFields.class);
        }
        return sender.blocking(() -> references.workOrder(context.orgId(), id))
                .flatMap(order -> sender.send(new AllocateWorkOrder(order.id(), context.orgId()), context));
    }

    @Refusals({ErrorCode.CONFLICT, ErrorCode.INVALID_TRANSITION})
    @PostMapping("/api/work-orders/{id}/items")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<WorkOrderItemAnswer> addItem(RequestContext context, @PathVariable String id,
                                      @RequestBody WorkOrderLineRequest line) {
        return sender.blocking(() -> references.workOrder(context.orgId(), id))
                .flatMap(order -> line(context, line, "skuId")
                        .flatMap(added -> sender.send(new AddWorkOrderItem(order.id(), context.orgId(), added),
                                context)));
    }

    @Refusals({ErrorCode.CONFLICT, ErrorCode.INVALID_TRANSITION})
    @PatchMapping("/api/work-order-items/{id}")
    Mono<WorkOrderItemAnswer> updateItem(RequestContext context, @PathVariable String id,
                                         @RequestBody WorkOrderUpdateLineRequest line) {
        Mono<List<BomLine>> bom = line.skuId() == null ? Mono.just(List.of())
                : boms.read(context, line.skuId(), "skuId");
        return sender.blocking(() -> references.line(context.orgId(), id))
                .flatMap(entry -> bom.flatMap(items -> sender.send(new UpdateWorkOrderItem(entry.parentId(),
                        context.orgId(), id, line.skuId(), items, line.quantity(),
                        Patches.change(line.conversionCost())), context)));
    }

    /** Removes a line: {@code {deletedId, inputs}}, the order's inputs exploded again from the lines left. */
    @Refusals({ErrorCode.CONFLICT, ErrorCode.INVALID_TRANSITION})
    @DeleteMapping("/api/work-order-items/{id}")
    Mono<WorkOrderItemRemovedAnswer> deleteItem(RequestContext context, @PathVariable String id) {
        return sender.blocking(() -> references.line(context.orgId(), id))
                .flatMap(entry -> sender.<WorkOrderAnswer>send(new RemoveWorkOrderItem(entry.parentId(),
                        context.orgId(), id), context))
                .map(answer -> new WorkOrderItemRemovedAnswer(id, answer.inputs()));
    }

    /**
     * Takes in made units: the order says what the receipt would consume, the ledgers whether they have it (a
     * receipt that would overdraw a material is refused here, changing nothing), then the order records it.
     */
    @Refusals({ErrorCode.CONFLICT, ErrorCode.INVALID_TRANSITION, ErrorCode.INSUFFICIENT_STOCK})
    @PostMapping("/api/work-orders/{id}/receipts")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<WorkOrderReceiptAnswer> receive(RequestContext context, @PathVariable String id,
                                         @BodyShape(WorkOrderReceiptRequest.class) @RequestBody JsonNode json) {
        Problems problems = new Problems();
        WorkOrderReceiptRequest request = requests.read(json, WorkOrderReceiptRequest.class, problems);
        var items = WorkOrderRequests.receiptLines(requests, request == null ? null : request.items(), problems);
        problems.throwIfAny();
        WorkOrderReceipt receipt = new WorkOrderReceipt(request.id() == null ? UUID.randomUUID().toString()
                : request.id(), request.receiptDate() == null ? today() : request.receiptDate(), request.notes(),
                items);
        String org = context.orgId();
        return sender.blocking(() -> references.workOrder(org, id))
                .flatMap(order -> sender.<PostingPlan>send(new PlanWorkOrderReceipt(order.id(), org, receipt),
                                context)
                        .flatMap(plan -> checks.movements(context, plan.entries(), EntryType.CONSUME,
                                receipt.receiptDate(), LedgerSources.WORK_ORDER_RECEIPT, order.id()))
                        .then(sender.<WorkOrderReceiptAnswer>send(new ReceiveWorkOrder(order.id(), org, receipt),
                                context)));
    }

    /**
     * Changes a receipt's notes or date. A new date moves its entries: the order says which, their ledgers whether
     * stock allows it (units used, or materials missing, between the two dates are refused here, changing nothing),
     * then the order moves it.
     */
    @Refusals({ErrorCode.CONFLICT, ErrorCode.INVALID_TRANSITION, ErrorCode.INSUFFICIENT_STOCK})
    @PatchMapping("/api/work-order-receipts/{id}")
    Mono<WorkOrderReceiptAnswer> updateReceipt(RequestContext context, @PathVariable String id,
                                               @RequestBody WorkOrderUpdateReceiptRequest request) {
        String org = context.orgId();
        return sender.blocking(() -> references.receipt(org, id))
                .flatMap(receipt -> (request.receiptDate() == null ? Mono.<Void>empty()
                        : sender.<PostingPlan>send(new PlanWorkOrderReceiptMove(receipt.parentId(), org, id,
                                        request.receiptDate()), context)
                                .flatMap(plan -> checks.moves(context, plan.entries(), request.receiptDate(),
                                        LedgerSources.WORK_ORDER_RECEIPT)))
                        .then(sender.<WorkOrderReceiptAnswer>send(new UpdateWorkOrderReceipt(receipt.parentId(), org,
                                id, Patches.change(request.notes()), request.receiptDate()), context)));
    }

    /**
     * Deletes a receipt: the order says which productions that takes back, the SKUs' ledgers whether they still
     * have them (units used since are refused here, changing nothing), then the order deletes it.
     */
    @Refusals({ErrorCode.CONFLICT, ErrorCode.INVALID_TRANSITION, ErrorCode.INSUFFICIENT_STOCK})
    @DeleteMapping("/api/work-order-receipts/{id}")
    Mono<DeletedAnswer> deleteReceipt(RequestContext context, @PathVariable String id) {
        String org = context.orgId();
        return sender.blocking(() -> references.receipt(org, id))
                .flatMap(receipt -> sender.<PostingPlan>send(new PlanWorkOrderReceiptDeletion(receipt.parentId(),
                                org, id), context)
                        .flatMap(plan -> checks.reversals(context, plan.entries(),
                                LedgerSources.WORK_ORDER_RECEIPT))
                        .then(sender.<String>send(new DeleteWorkOrderReceipt(receipt.parentId(), org, id),
                                context)))
                .map(DeletedAnswer::new);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}
