package io.waybill.command.catalog;

import io.waybill.api.catalog.BomLine;
import io.waybill.api.catalog.CatalogDetails;
import io.waybill.api.catalog.CatalogRecordCreated;
import io.waybill.api.catalog.MaterialDetails;
import io.waybill.api.catalog.MaterialTypeDetails;
import io.waybill.api.catalog.SkuDetails;
import io.waybill.api.catalog.SkuTypeDetails;
import io.waybill.command.registry.Kind;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;

import java.math.BigDecimal;

abstract class CatalogTestBase {

    static final String ORG = "org-1";
    static final String OTHER_ORG = "org-2";
    static final String MATERIAL_TYPE = "mt-1";
    static final String MATERIAL = "m-1";
    static final String SKU_TYPE = "st-1";
    static final String SKU = "s-1";

    CatalogTestDatabase database;
    AggregateTestFixture<CatalogRecord> fixture;

    @BeforeEach
    void setUpFixture() {
        database = new CatalogTestDatabase();
        fixture = new AggregateTestFixture<>(CatalogRecord.class);
        fixture.registerInjectableResource(database.registry);
        fixture.registerInjectableResource(database.references);
    }

    /** A record that exists in the registry, as other commands left it; its events go to the fixture's given. */
    CatalogRecordCreated existing(String id, CatalogDetails details) {
        database.registry.register(id, ORG, CatalogKinds.of(details.kind()), "", details.uniqueValue(),
                details.uniqueField());
        return new CatalogRecordCreated(id, ORG, details);
    }

    static MaterialTypeDetails materialType(String name) {
        return new MaterialTypeDetails(name, 0, true);
    }

    static MaterialDetails material(String code, String typeId) {
        return new MaterialDetails(code, "Steel sheet", typeId, null, true);
    }

    static SkuTypeDetails skuType(String name) {
        return new SkuTypeDetails(name, 0, true);
    }

    static SkuDetails sku(String code, String typeId) {
        return new SkuDetails(code, "Bracket", typeId, 1, null, null, null, true);
    }

    static BomLine line(String materialId, String quantity) {
        return new BomLine(materialId, new BigDecimal(quantity));
    }

    void registerLive(String id, Kind kind, String name) {
        database.registry.register(id, ORG, kind, "", name, "name");
    }
}
