package io.waybill.query.catalog;

import io.waybill.api.access.Role;
import io.waybill.platform.security.Access;
import io.waybill.api.DomainException;
import io.waybill.api.Page;
import io.waybill.api.catalog.CatalogAnswer;
import io.waybill.api.catalog.CatalogKind;
import io.waybill.api.catalog.CatalogRecordView;
import io.waybill.platform.web.PageRequest;
import io.waybill.platform.web.RequestContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;


/** Lists and reads the records of every catalog collection, and tells what uses one. */
@RestController
@Access(Role.VIEWER)
@RequestMapping("/api/{collection:" + CatalogKind.PATHS + "}")
class CatalogQueryController {

    private final CatalogRepository catalog;
    private final CatalogUses uses;

    CatalogQueryController(CatalogRepository catalog, CatalogUses uses) {
        this.catalog = catalog;
        this.uses = uses;
    }

    @GetMapping
    Mono<Page<CatalogAnswer>> list(RequestContext context, @PathVariable String collection,
                                   @RequestParam(required = false) String active,
                                   @RequestParam(required = false) String type,
                                   @RequestParam(required = false) String q,
                                   @RequestParam(required = false) String itemsPerUnitMin,
                                   @RequestParam(required = false) String itemsPerUnitMax,
                                   @RequestParam(required = false) String ozPerItemMin,
                                   @RequestParam(required = false) String ozPerItemMax,
                                   @RequestParam(required = false) String cursor,
                                   @RequestParam(required = false) String limit) {
        CatalogFilter filter = CatalogFilter.of(active, type, q, itemsPerUnitMin, itemsPerUnitMax, ozPerItemMin,
                ozPerItemMax);
        return catalog.list(context.orgId(), CatalogKind.ofPath(collection), filter, PageRequest.of(cursor, limit))
                .map(page -> new Page<>(page.data().stream().map(CatalogRecordView::answer).toList(),
                        page.nextCursor()));
    }

    @GetMapping("/{id}")
    Mono<CatalogAnswer> get(RequestContext context, @PathVariable String collection, @PathVariable String id) {
        CatalogKind kind = CatalogKind.ofPath(collection);
        return catalog.find(context.orgId(), kind, id).map(CatalogRecordView::answer)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound(kind.noun(), id)));
    }

    @GetMapping("/{id}/in-use")
    Mono<CatalogUses.Uses> inUse(RequestContext context, @PathVariable String collection,
                                 @PathVariable String id) {
        return uses.of(context.orgId(), CatalogKind.ofPath(collection), id);
    }
}
