package io.waybill.command.workorder;

import io.waybill.platform.web.Refusals;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.waybill.api.ErrorCode;
import io.waybill.api.access.Role;
import io.waybill.api.catalog.BomLine;
import io.waybill.api.inventory.ItemStock;
import io.waybill.api.inventory.LedgerId;
import io.waybill.api.inventory.ReadItemStock;
import io.waybill.api.workorder.CreateWorkOrder;
import io.waybill.api.workorder.WorkOrderAnswer;
import io.waybill.api.workorder.WorkOrderDetails;
import io.waybill.api.workorder.WorkOrderLine;
import io.waybill.api.workorder.WorkOrderStatus;
import io.waybill.command.support.CommandSender;
import io.waybill.platform.axon.CommandErrors;
import io.waybill.platform.request.CheckedRequest;
import io.waybill.platform.request.Decimal;
import io.waybill.platform.request.JsonRequests;
import io.waybill.platform.request.Problems;
import io.waybill.platform.request.Required;
import io.waybill.platform.request.Sid;
import io.waybill.platform.request.Text;
import io.waybill.platform.security.Access;
import io.waybill.platform.web.BodyShape;
import io.waybill.platform.web.RequestContext;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.waybill.platform.request.Decimal.Sign.POSITIVE;

/**
 * Plans a production run (seed 003): what its lines need of each material against the stock the ledgers hold now,
 * changing nothing; or, with {@code createWorkOrders}, also turns each line into a work order (Draft) at the run's
 * work site, in the same request.
 */
@RestController
@Access(Role.MEMBER)
class ProductionRunController {

    static final int MAX_LINES = 200;

    private final CommandSender sender;
    private final BomReader boms;
    private final JsonRequests requests;

    ProductionRunController(CommandSender sender, BomReader boms, JsonRequests requests) {
        this.sender = sender;
        this.boms = boms;
        this.requests = requests;
    }

    /** {@code name}, the run's references, {@code workSiteLocationId?}, {@code createWorkOrders?}, {@code lines}. */
    record RunRequest(@Required @Text(max = 200) String name, @Text(max = 200) String referenceNumber,
                      LocalDate productionDate, @Text(max = WorkOrderRequests.NOTES) String notes,
                      @Sid String workSiteLocationId, Boolean createWorkOrders,
                      @ArraySchema(schema = @Schema(implementation = RunLine.class)) JsonNode lines)
            implements CheckedRequest {

        @Override
        public void check(Problems problems) {
            if (Boolean.TRUE.equals(createWorkOrders) && workSiteLocationId == null) {
                problems.reject("workSiteLocationId", "is required to create work orders");
            }
        }
    }

    /** A line of the run: a SKU and how many to make (at least 1). */
    record RunLine(@Required @Sid String skuId, @Required @Decimal(POSITIVE) BigDecimal quantity)
            implements CheckedRequest {

        @Override
        public void check(Problems problems) {
            if (quantity != null && quantity.compareTo(BigDecimal.ONE) < 0) {
                problems.reject("quantity", "must be at least 1");
            }
        }
    }

    @Refusals(ErrorCode.NOT_FOUND)
    @PostMapping("/api/production-runs")
    Mono<ProductionRunPlan> plan(RequestContext context, @BodyShape(RunRequest.class) @RequestBody JsonNode json) {
        Problems problems = new Problems();
        RunRequest run = requests.read(json, RunRequest.class, problems);
        List<RunLine> lines = new ArrayList<>();
        JsonNode items = run == null ? null : run.lines();
        if (items == null || !items.isArray() || items.isEmpty() || items.size() > MAX_LINES) {
            problems.reject("lines", "must be an array of 1 to " + MAX_LINES + " lines");
        } else {
            requests.readEach(items, "lines", RunLine.class, "{skuId, quantity}", problems,
                    (place, line) -> lines.add(line));
        }
        problems.throwIfAny();
        return Flux.range(0, lines.size())
                .concatMap(i -> boms.read(context, lines.get(i).skuId(), "lines[" + i + "].skuId"))
                .collectList()
                .flatMap(bomsOfLines -> plan(context, run, lines, bomsOfLines));
    }

    private Mono<ProductionRunPlan> plan(RequestContext context, RunRequest run, List<RunLine> lines,
                                         List<List<BomLine>> bomsOfLines) {
        Map<String, BigDecimal> needed = new LinkedHashMap<>();
        List<ProductionRunPlan.Line> planned = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            RunLine line = lines.get(i);
            List<ProductionRunPlan.Need> needs = bomsOfLines.get(i).stream().map(material -> new ProductionRunPlan
                    .Need(material.materialId(), plain(line.quantity().multiply(material.quantityPerUnit()))))
                    .toList();
            needs.forEach(need -> needed.merge(need.materialId(), need.needed(), BigDecimal::add));
            planned.add(new ProductionRunPlan.Line(line.skuId(), plain(line.quantity()), needs));
        }
        ProductionRunPlan.Run header = new ProductionRunPlan.Run(run.name(), run.referenceNumber(),
                run.productionDate(), run.notes(), run.workSiteLocationId());
        Mono<List<ProductionRunPlan.Material>> materials = Flux.fromIterable(needed.entrySet())
                .concatMap(need -> stock(context, need.getKey())
                        .map(stock -> material(need.getKey(), need.getValue(), stock, run.workSiteLocationId())))
                .collectList();
        return materials.flatMap(plannedMaterials -> !Boolean.TRUE.equals(run.createWorkOrders())
                ? Mono.just(new ProductionRunPlan(header, planned, plannedMaterials, null))
                : Flux.range(0, lines.size())
                        .concatMap(i -> sender.<WorkOrderAnswer>create(workOrder(context, run, lines.get(i),
                                bomsOfLines.get(i)), context))
                        .collectList()
                        .map(orders -> new ProductionRunPlan(header, planned, plannedMaterials, orders)));
    }

    private static CreateWorkOrder workOrder(RequestContext context, RunRequest run, RunLine line,
                                             List<BomLine> bom) {
        String notes = run.name() + (run.referenceNumber() == null ? "" : " (" + run.referenceNumber() + ")");
        return new CreateWorkOrder(UUID.randomUUID().toString(), context.orgId(), WorkOrderStatus.DRAFT,
                new WorkOrderDetails(run.workSiteLocationId(), run.productionDate(), null, notes),
                List.of(new WorkOrderLine(UUID.randomUUID().toString(), line.skuId(), line.quantity(), null, bom)));
    }

    /** The material's ledger as it is now; a material that never had an entry has none anywhere. */
    private Mono<ItemStock> stock(RequestContext context, String materialId) {
        return sender.<ItemStock>send(new ReadItemStock(LedgerId.of(materialId), context.orgId()), context)
                .onErrorResume(failure -> CommandErrors.refusedWith(failure, ErrorCode.NOT_FOUND),
                        failure -> Mono.just(new ItemStock(materialId, List.of())));
    }

    private static ProductionRunPlan.Material material(String materialId, BigDecimal needed, ItemStock stock,
                                                       String locationId) {
        BigDecimal onHand = BigDecimal.ZERO;
        BigDecimal allocated = BigDecimal.ZERO;
        BigDecimal onOrder = BigDecimal.ZERO;
        for (ItemStock.LocationStock at : stock.locations()) {
            if (locationId == null || locationId.equals(at.locationId())) {
                onHand = onHand.add(at.onHand());
                allocated = allocated.add(at.allocated());
                onOrder = onOrder.add(at.onOrder());
            }
        }
        BigDecimal available = onHand.subtract(allocated).max(BigDecimal.ZERO);
        BigDecimal shortNow = needed.subtract(available).max(BigDecimal.ZERO);
        return new ProductionRunPlan.Material(materialId, plain(needed), plain(onHand), plain(allocated),
                plain(available), plain(onOrder), plain(shortNow), plain(shortNow.subtract(onOrder)
                .max(BigDecimal.ZERO)));
    }

    private static BigDecimal plain(BigDecimal value) {
        return value.signum() == 0 ? BigDecimal.ZERO : new BigDecimal(value.stripTrailingZeros().toPlainString());
    }
}
