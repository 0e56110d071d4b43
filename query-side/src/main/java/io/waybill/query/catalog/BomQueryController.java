package io.waybill.query.catalog;

import io.waybill.api.access.Role;
import io.waybill.platform.security.Access;
import io.waybill.api.DomainException;
import io.waybill.api.Page;
import io.waybill.api.catalog.BomLine;
import io.waybill.api.catalog.BomView;
import io.waybill.api.catalog.CatalogRecordView;
import io.waybill.api.catalog.SkuDetails;
import io.waybill.platform.web.PageRequest;
import io.waybill.platform.web.RequestContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/** Bills of materials, each named by its SKU's id. */
@RestController
@Access(Role.VIEWER)
@RequestMapping("/api/boms")
class BomQueryController {

    private final CatalogRepository catalog;

    BomQueryController(CatalogRepository catalog) {
        this.catalog = catalog;
    }

    /** The SKUs that have a bill of materials, each with its code, name and lines. */
    @GetMapping
    Mono<Page<BomSummary>> list(RequestContext context, @RequestParam(required = false) String q,
                                @RequestParam(required = false) String cursor,
                                @RequestParam(required = false) String limit) {
        CatalogFilter filter = CatalogFilter.of(null, null, q, null, null, null, null);
        return catalog.skusWithBoms(context.orgId(), filter, PageRequest.of(cursor, limit))
                .flatMap(page -> Flux.fromIterable(page.data())
                        .concatMap(sku -> summary(context.orgId(), sku))
                        .collectList()
                        .map(data -> new Page<>(data, page.nextCursor())));
    }

    @GetMapping("/{skuId}")
    Mono<BomView> get(RequestContext context, @PathVariable String skuId) {
        return catalog.bomLines(context.orgId(), skuId)
                .filter(lines -> !lines.isEmpty())
                .map(lines -> new BomView(skuId, lines))
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("bill of materials of SKU", skuId)));
    }

    /** A SKU's bill of materials in the list: the SKU's id, code and name, and the lines. */
    record BomSummary(String outputSkuId, String skuCode, String name, List<BomLine> items) {
    }

    private Mono<BomSummary> summary(String orgId, CatalogRecordView sku) {
        return catalog.bomLines(orgId, sku.id()).map(lines -> new BomSummary(sku.id(), sku.details().uniqueValue(),
                ((SkuDetails) sku.details()).name(), lines));
    }
}
