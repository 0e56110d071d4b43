package io.waybill.command.catalog;

import io.waybill.api.ErrorCode;
import io.waybill.platform.web.Refusals;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.waybill.command.support.WriteSupport.DeletedAnswer;
import io.waybill.command.support.CommandSender;
import io.waybill.api.access.Role;
import io.waybill.platform.security.Access;
import io.waybill.api.catalog.BomLine;
import io.waybill.api.catalog.BomView;
import io.waybill.api.catalog.CreateBom;
import io.waybill.api.catalog.DeleteBom;
import io.waybill.api.catalog.ReplaceBom;
import io.waybill.platform.request.Decimal;
import io.waybill.platform.request.JsonRequests;
import io.waybill.platform.request.Problems;
import io.waybill.platform.request.Required;
import io.waybill.platform.request.Sid;
import io.waybill.platform.web.BodyShape;
import io.waybill.platform.web.RequestContext;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.waybill.platform.request.Decimal.Sign.POSITIVE;

/** A SKU's bill of materials, named by the SKU's id. */
@Refusals(ErrorCode.CONFLICT)
@RestController
@Access(Role.MEMBER)
@RequestMapping("/api/boms")
class BomCommandController {

    static final int MAX_ITEMS = 500;
    private final CommandSender sender;
    private final JsonRequests requests;

    BomCommandController(CommandSender sender, JsonRequests requests) {
        this.sender = sender;
        this.requests = requests;
    }

    /** {@code outputSkuId} names the SKU, required on a create and the path's SKU or left out on a replace. */
    record BomRequest(@Sid String outputSkuId,
                      @ArraySchema(schema = @Schema(implementation = BomLineRequest.class)) JsonNode items) {
    }

    record BomLineRequest(@Required @Sid String materialId, @Required @Decimal(POSITIVE) BigDecimal quantityPerUnit) {
    }

    @Refusals(ErrorCode.NOT_FOUND)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<BomView> create(RequestContext context, @BodyShape(BomRequest.class) @RequestBody JsonNode json) {
        Problems problems = new Problems();
        BomRequest request = requests.read(json, BomRequest.class, problems);
        if (request.outputSkuId() == null) {
            problems.reject("outputSkuId", "is required");
        }
        List<BomLine> items = items(request.items(), problems);
        problems.throwIfAny();
        return sender.send(new CreateBom(request.outputSkuId(), context.orgId(), items), context);
    }

    @PutMapping("/{skuId}")
    Mono<BomView> replace(RequestContext context, @PathVariable String skuId,
                          @BodyShape(BomRequest.class) @RequestBody JsonNode json) {
        Problems problems = new Problems();
        BomRequest request = requests.read(json, BomRequest.class, problems);
        if (request.outputSkuId() != null && !request.outputSkuId().equals(skuId)) {
            problems.reject("outputSkuId", "must be the SKU of the path, or left out");
        }
        List<BomLine> items = items(request.items(), problems);
        problems.throwIfAny();
        return sender.send(new ReplaceBom(skuId, context.orgId(), items), context);
    }

    @Access(Role.ADMIN)
    @DeleteMapping("/{skuId}")
    Mono<DeletedAnswer> delete(RequestContext context, @PathVariable String skuId) {
        return sender.<String>send(new DeleteBom(skuId, context.orgId()), context).map(DeletedAnswer::new);
    }

    /**
     * The composition: 1 to {@link #MAX_ITEMS} lines, quantities above zero, each material once. What is wrong with a
     * line is told under {@code items[i]}.
     */
    private List<BomLine> items(JsonNode items, Problems problems) {
        if (items == null || !items.isArray() || items.isEmpty() || items.size() > MAX_ITEMS) {
            problems.reject("items", "must be an array of 1 to " + MAX_ITEMS + " {materialId, quantityPerUnit}");
            return List.of();
        }
        List<BomLine> lines = new ArrayList<>();
        Set<String> materials = new HashSet<>();
        requests.readEach(items, "items", BomLineRequest.class, "{materialId, quantityPerUnit}", problems,
                (place, line) -> {
                    if (!materials.add(line.materialId())) {
                        problems.reject(place, "material " + line.materialId() + " is listed more than once");
                    } else {
                        lines.add(new BomLine(line.materialId(), line.quantityPerUnit()));
                    }
                });
        return List.copyOf(lines);
    }
}
