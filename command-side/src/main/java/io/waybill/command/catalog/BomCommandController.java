package io.waybill.command.catalog;

import io.waybill.command.support.WriteSupport;
import io.waybill.command.support.CommandSender;
import io.waybill.api.access.Role;
import io.waybill.platform.security.Access;
import io.waybill.api.DomainException;
import io.waybill.api.catalog.BomLine;
import io.waybill.api.catalog.BomView;
import io.waybill.api.catalog.CreateBom;
import io.waybill.api.catalog.DeleteBom;
import io.waybill.api.catalog.ReplaceBom;
import io.waybill.platform.web.JsonBody;
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

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A SKU's bill of materials, named by the SKU's id. */
@RestController
@Access(Role.MEMBER)
@RequestMapping("/api/boms")
class BomCommandController {

    static final int MAX_ITEMS = 500;
    private static final Set<String> FIELDS = Set.of("outputSkuId", "items");
    private static final Set<String> LINE_FIELDS = Set.of("materialId", "quantityPerUnit");
    private final CommandSender sender;

    BomCommandController(CommandSender sender) {
        this.sender = sender;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<BomView> create(RequestContext context, @RequestBody JsonNode json) {
        JsonBody body = JsonBody.of(json, FIELDS);
        String skuId = body.required("outputSkuId", body.sid("outputSkuId"));
        List<BomLine> items = items(body, json.get("items"));
        body.validate();
        return sender.send(new CreateBom(skuId, context.orgId(), items), context);
    }

    @PutMapping("/{skuId}")
    Mono<BomView> replace(RequestContext context, @PathVariable String skuId, @RequestBody JsonNode json) {
        JsonBody body = JsonBody.of(json, FIELDS);
        String named = body.sid("outputSkuId");
        if (named != null && !named.equals(skuId)) {
            body.reject("outputSkuId", "must be the SKU of the path, or left out");
        }
        List<BomLine> items = items(body, json.get("items"));
        body.validate();
        return sender.send(new ReplaceBom(skuId, context.orgId(), items), context);
    }

    @Access(Role.ADMIN)
    @DeleteMapping("/{skuId}")
    Mono<Map<String, String>> delete(RequestContext context, @PathVariable String skuId) {
        return sender.<String>send(new DeleteBom(skuId, context.orgId()), context).map(WriteSupport::deleted);
    }

    /** The composition: 1 to {@link #MAX_ITEMS} lines, quantities above zero, each material once. */
    private static List<BomLine> items(JsonBody body, JsonNode items) {
        if (items == null || !items.isArray() || items.isEmpty() || items.size() > MAX_ITEMS) {
            body.reject("items", "must be an array of 1 to " + MAX_ITEMS + " {materialId, quantityPerUnit}");
            return List.of();
        }
        List<BomLine> lines = new ArrayList<>();
        Set<String> materials = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String field = "items[" + i + "]";
            if (!items.get(i).isObject()) {
                body.reject(field, "must be an object {materialId, quantityPerUnit}");
                continue;
            }
            JsonBody line = JsonBody.of(items.get(i), LINE_FIELDS);
            String material = line.required("materialId", line.sid("materialId"));
            var quantity = line.required("quantityPerUnit", line.decimal("quantityPerUnit", true));
            try {
                line.validate();
            } catch (DomainException e) {
                body.reject(field, e.getMessage());
                continue;
            }
            if (!materials.add(material)) {
                body.reject(field, "material " + material + " is listed more than once");
            }
            lines.add(new BomLine(material, quantity));
        }
        return List.copyOf(lines);
    }
}
