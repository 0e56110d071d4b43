package io.waybill.query.catalog;

import io.waybill.query.support.KeysetQuery;
import io.r2dbc.spi.Row;
import io.waybill.api.Page;
import io.waybill.api.catalog.BomLine;
import io.waybill.api.catalog.CatalogKind;
import io.waybill.api.catalog.CatalogRecordView;
import io.waybill.platform.web.PageRequest;
import io.waybill.query.support.Rows;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import java.util.List;

/** Reads {@code catalog_view} and {@code bom_component_view} without blocking. */
@Repository
class CatalogRepository {

    private static final String SELECT = "SELECT c.* FROM catalog_view c";
    private static final String Q = "(LOWER(c.code) LIKE :q OR LOWER(c.name) LIKE :q)";
    private final DatabaseClient client;

    CatalogRepository(DatabaseClient client) {
        this.client = client;
    }

    Mono<Page<CatalogRecordView>> list(String orgId, CatalogKind kind, CatalogFilter filter, PageRequest page) {
        return KeysetQuery.live(SELECT, "c", orgId)
                .where("c.kind = :kind", "kind", kind.name())
                .where("c.is_active = :active", "active", filter.active())
                .where("c.type_id = :type", "type", filter.type())
                .where(Q, "q", filter.qPattern())
                .where("c.items_per_unit >= :ipuMin", "ipuMin", filter.itemsPerUnitMin())
                .where("c.items_per_unit <= :ipuMax", "ipuMax", filter.itemsPerUnitMax())
                .where("c.oz_per_item >= :ozMin", "ozMin", filter.ozPerItemMin())
                .where("c.oz_per_item <= :ozMax", "ozMax", filter.ozPerItemMax())
                .page(client, page, row -> view(kind, row));
    }

    Mono<CatalogRecordView> find(String orgId, CatalogKind kind, String id) {
        return client.sql(SELECT + " WHERE c.sid = :id AND c.org_id = :org AND c.kind = :kind AND c.deleted = FALSE")
                .bind("id", id).bind("org", orgId).bind("kind", kind.name())
                .map((row, meta) -> view(kind, row)).one();
    }

    /** SKUs that have a bill of materials, optionally those whose code or name holds {@code filter.q}. */
    Mono<Page<CatalogRecordView>> skusWithBoms(String orgId, CatalogFilter filter, PageRequest page) {
        return KeysetQuery.live(SELECT, "c", orgId)
                .where("c.kind = :kind", "kind", CatalogKind.SKU.name())
                .where("c.has_bom = :hasBom", "hasBom", true)
                .where(Q, "q", filter.qPattern())
                .page(client, page, row -> view(CatalogKind.SKU, row));
    }

    /** The lines of a SKU's bill of materials, in order; none when it has none. */
    Mono<List<BomLine>> bomLines(String orgId, String skuId) {
        return client.sql("SELECT b.material_id, b.quantity_per_unit FROM bom_component_view b "
                        + "WHERE b.sku_id = :sku AND b.org_id = :org ORDER BY b.position")
                .bind("sku", skuId).bind("org", orgId)
                .map((row, meta) -> new BomLine(row.get("material_id", String.class),
                        Rows.decimal(row, "quantity_per_unit")))
                .all().collectList();
    }

    private static CatalogRecordView view(CatalogKind kind, Row row) {
        return new CatalogRecordView(row.get("sid", String.class), row.get("org_id", String.class),
                CatalogColumns.details(kind, row), Rows.instant(row, "created"), Rows.instant(row, "updated"));
    }
}
