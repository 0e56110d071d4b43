package io.waybill.query.catalog;

import io.waybill.api.catalog.BomDeleted;
import io.waybill.api.catalog.BomLine;
import io.waybill.api.catalog.BomReplaced;
import io.waybill.api.catalog.CatalogKind;
import io.waybill.api.catalog.CatalogRecordChanged;
import io.waybill.api.catalog.CatalogRecordCreated;
import io.waybill.api.catalog.CatalogRecordDeleted;
import io.waybill.api.catalog.MaterialDetails;
import io.waybill.api.catalog.SkuDetails;
import io.waybill.query.support.ProjectionHarness;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.waybill.query.support.ProjectionHarness.ORG;
import static org.assertj.core.api.Assertions.assertThat;

class CatalogProjectionTest {

    private final ProjectionHarness harness = new ProjectionHarness();

    CatalogProjectionTest() {
        harness.project(new CatalogProjection(harness.jdbc()));
    }

    @Test
    void aSkuKeepsItsDetailsAndItsBillOfMaterialsInOrder() {
        material("m-1", "STEEL");
        material("m-2", "PAINT");
        harness.given("CatalogRecord", "s-1", new CatalogRecordCreated("s-1", ORG, sku("Widget")));
        harness.given("CatalogRecord", "s-1", new BomReplaced("s-1", List.of(line("m-2", "0.5"), line("m-1", "2"))));
        harness.given("CatalogRecord", "s-1", new CatalogRecordChanged("s-1", sku("Widget Pro"), List.of("name")));

        assertThat(harness.row("SELECT kind, code, name, has_bom FROM catalog_view WHERE sid = 's-1'"))
                .containsEntry("kind", "SKU").containsEntry("code", "W-1").containsEntry("name", "Widget Pro")
                .containsEntry("has_bom", true);
        assertThat(harness.jdbc().queryForList("SELECT material_id FROM bom_component_view WHERE sku_id = 's-1' "
                + "ORDER BY position", String.class)).containsExactly("m-2", "m-1");

        harness.given("CatalogRecord", "s-1", new BomDeleted("s-1"));
        harness.given("CatalogRecord", "m-2", new CatalogRecordDeleted("m-2", CatalogKind.MATERIAL));
        assertThat(harness.row("SELECT has_bom FROM catalog_view WHERE sid = 's-1'")).containsEntry("has_bom", false);
        assertThat(harness.jdbc().queryForObject("SELECT COUNT(*) FROM bom_component_view", Integer.class)).isZero();
        assertThat(harness.row("SELECT deleted FROM catalog_view WHERE sid = 'm-2'")).containsEntry("deleted", true);
    }

    @Test
    void eventsSeenAgainLeaveTheRowsOfOnce() {
        material("m-1", "STEEL");
        harness.given("CatalogRecord", "s-1", new CatalogRecordCreated("s-1", ORG, sku("Widget")));
        harness.given("CatalogRecord", "s-1", new BomReplaced("s-1", List.of(line("m-1", "2"))));
        harness.given("CatalogRecord", "s-1", new CatalogRecordChanged("s-1", sku("Widget 2"), List.of("name")));
        harness.given("CatalogRecord", "s-1", new BomDeleted("s-1"));
        var once = harness.rows("catalog_view", "bom_component_view");

        harness.redeliverAll();
        assertThat(harness.rows("catalog_view", "bom_component_view")).isEqualTo(once);

        harness.redeliverFirst(3);
        assertThat(harness.rows("catalog_view", "bom_component_view")).isEqualTo(once);
    }

    private void material(String id, String code) {
        harness.given("CatalogRecord", id, new CatalogRecordCreated(id, ORG,
                new MaterialDetails(code, code.toLowerCase(), "mt-1", null, true)));
    }

    private static SkuDetails sku(String name) {
        return new SkuDetails("W-1", name, "st-1", 1, null, null, null, true);
    }

    private static BomLine line(String material, String quantity) {
        return new BomLine(material, new BigDecimal(quantity));
    }
}
