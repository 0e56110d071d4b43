package io.waybill.query.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.waybill.api.DomainException;
import io.waybill.api.catalog.CatalogKind;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * What uses a catalog record, read from the command side's own tables (the registry and {@code catalog_reference})
 * rather than from a projection: they are what a delete checks, in the same database, so the answer is what a
 * DELETE sent now would meet, with no projection lag.
 */
@Repository
class CatalogUses {

    private static final int SAMPLE = 5;
    private final DatabaseClient client;

    CatalogUses(DatabaseClient client) {
        this.client = client;
    }

    /**
     * What uses a record: how many, and up to five of them. A type's answer names them in the seed's words as well:
     * a material type's materials, a SKU type's SKUs; those fields are left out for the other kinds.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Uses(boolean inUse, long useCount, List<String> usedBy, Long materialCount,
                List<String> sampleMaterialIds, Long skuCount, List<String> sampleSkuIds) {
    }

    Mono<Uses> of(String orgId, CatalogKind kind, String id) {
        Mono<Long> count = client.sql("SELECT COUNT(*) AS n FROM catalog_reference WHERE target_id = :id "
                        + "AND released = FALSE")
                .bind("id", id).map((row, meta) -> row.get("n", Long.class)).one();
        Mono<List<String>> sample = client.sql("SELECT referrer_id FROM catalog_reference WHERE target_id = :id "
                        + "AND released = FALSE ORDER BY referrer_id LIMIT " + SAMPLE)
                .bind("id", id).map((row, meta) -> row.get("referrer_id", String.class)).all().collectList();
        return live(orgId, kind, id)
                .flatMap(found -> Mono.zip(count, sample))
                .map(uses -> answer(kind, uses.getT1(), uses.getT2()))
                .switchIfEmpty(Mono.error(() -> DomainException.notFound(kind.noun(), id)));
    }

    private Mono<String> live(String orgId, CatalogKind kind, String id) {
        return client.sql("SELECT id FROM entity_registry WHERE id = :id AND org_id = :org AND kind = :kind "
                        + "AND deleted = FALSE")
                .bind("id", id).bind("org", orgId).bind("kind", kind.name())
                .map((row, meta) -> row.get("id", String.class)).one();
    }

    private static Uses answer(CatalogKind kind, long count, List<String> sample) {
        boolean materials = kind == CatalogKind.MATERIAL_TYPE;
        boolean skus = kind == CatalogKind.SKU_TYPE;
        return new Uses(count > 0, count, sample, materials ? count : null, materials ? sample : null,
                skus ? count : null, skus ? sample : null);
    }
}
