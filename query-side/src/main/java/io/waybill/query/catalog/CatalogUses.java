package io.waybill.query.catalog;

import io.waybill.api.DomainException;
import io.waybill.api.catalog.CatalogKind;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    Mono<Map<String, Object>> of(String orgId, CatalogKind kind, String id) {
        Mono<Long> count = client.sql("SELECT COUNT(*) AS n FROM catalog_reference WHERE target_id = :id")
                .bind("id", id).map((row, meta) -> row.get("n", Long.class)).one();
        Mono<List<String>> sample = client.sql("SELECT referrer_id FROM catalog_reference WHERE target_id = :id "
                        + "ORDER BY referrer_id LIMIT " + SAMPLE)
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

    /** The seed's names for a type's uses (its materials or SKUs) alongside the general ones. */
    private static Map<String, Object> answer(CatalogKind kind, long count, List<String> sample) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("inUse", count > 0);
        answer.put("useCount", count);
        answer.put("usedBy", sample);
        if (kind == CatalogKind.MATERIAL_TYPE) {
            answer.put("materialCount", count);
            answer.put("sampleMaterialIds", sample);
        } else if (kind == CatalogKind.SKU_TYPE) {
            answer.put("skuCount", count);
            answer.put("sampleSkuIds", sample);
        }
        return answer;
    }
}
