package io.waybill.command.catalog;

import io.waybill.api.catalog.BomDeleted;
import io.waybill.api.catalog.BomLine;
import io.waybill.api.catalog.BomReplaced;
import io.waybill.api.catalog.BomView;
import io.waybill.api.catalog.CatalogKind;
import io.waybill.api.catalog.CatalogRecordCreated;
import io.waybill.api.catalog.CatalogRecordDeleted;
import io.waybill.api.catalog.CreateBom;
import io.waybill.api.catalog.DeleteBom;
import io.waybill.api.catalog.DeleteCatalogRecord;
import io.waybill.api.catalog.ReplaceBom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.waybill.api.ErrorCode.CONFLICT;
import static io.waybill.api.ErrorCode.IN_USE;
import static io.waybill.api.ErrorCode.NOT_FOUND;
import static io.waybill.api.ErrorCode.VALIDATION_FAILED;
import static io.waybill.command.itemgroup.DomainErrorMatcher.domainError;
import static org.assertj.core.api.Assertions.assertThat;

class CatalogBomTest extends CatalogTestBase {

    private CatalogRecordCreated sku;

    @BeforeEach
    void catalog() {
        registerLive(SKU_TYPE, CatalogKinds.of(CatalogKind.SKU_TYPE), "Finished");
        registerLive("m-a", CatalogKinds.of(CatalogKind.MATERIAL), "A");
        registerLive("m-b", CatalogKinds.of(CatalogKind.MATERIAL), "B");
        sku = existing(SKU, sku("BRK-1", SKU_TYPE));
    }

    @Test
    void givenSku_whenCreateBom_thenReplacedAndItsMaterialsInUse() {
        var items = List.of(line("m-a", "2.5"), line("m-b", "1"));
        fixture.given(sku)
                .when(new CreateBom(SKU, ORG, items))
                .expectEvents(new BomReplaced(SKU, items))
                .expectResultMessagePayload(new BomView(SKU, items));

        assertThat(database.references.uses("m-a").sample()).containsExactly("bom-" + SKU);
        assertThat(database.references.uses("m-b").sample()).containsExactly("bom-" + SKU);
    }

    @Test
    void aSkuHasOneBomOnly() {
        fixture.given(sku, new BomReplaced(SKU, List.of(line("m-a", "1"))))
                .when(new CreateBom(SKU, ORG, List.of(line("m-b", "1"))))
                .expectException(domainError(CONFLICT))
                .expectNoEvents();
    }

    @Test
    void aBomNeedsLinesWithPositiveQuantitiesEachMaterialOnceAndLiveMaterials() {
        for (var items : List.of(List.<BomLine>of(), List.of(line("m-a", "0")),
                List.of(line("m-a", "1"), line("m-a", "2")), List.of(line("no-such-material", "1")),
                List.of(line(SKU_TYPE, "1")))) {
            fixture.given(sku)
                    .when(new CreateBom(SKU, ORG, items))
                    .expectException(domainError(VALIDATION_FAILED, "field", "items"))
                    .expectNoEvents();
        }
    }

    @Test
    void givenBom_whenReplaced_thenDroppedMaterialsAreReleased() {
        database.references.use(ORG, CatalogKinds.of(CatalogKind.MATERIAL), "m-a", "bom-" + SKU);
        fixture.given(sku, new BomReplaced(SKU, List.of(line("m-a", "1"))))
                .when(new ReplaceBom(SKU, ORG, List.of(line("m-b", "3"))))
                .expectEvents(new BomReplaced(SKU, List.of(line("m-b", "3"))));

        assertThat(database.references.uses("m-a").count()).isZero();
        assertThat(database.references.uses("m-b").count()).isOne();
    }

    @Test
    void replacingOrDeletingAMissingBomIsNotFound() {
        fixture.given(sku).when(new ReplaceBom(SKU, ORG, List.of(line("m-a", "1"))))
                .expectException(domainError(NOT_FOUND));
        fixture.given(sku).when(new DeleteBom(SKU, ORG)).expectException(domainError(NOT_FOUND));
    }

    @Test
    void anotherOrganisationCannotGiveTheSkuABom() {
        fixture.given(sku).when(new CreateBom(SKU, OTHER_ORG, List.of(line("m-a", "1"))))
                .expectException(domainError(NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void cannotDeleteAMaterialThatABomUses() {
        var material = existing("m-c", material("C", "mt-x"));
        database.references.use(ORG, CatalogKinds.of(CatalogKind.MATERIAL), "m-c", "bom-" + SKU);
        fixture.given(material)
                .when(new DeleteCatalogRecord("m-c", ORG, CatalogKind.MATERIAL))
                .expectException(domainError(IN_USE, "usedBy", List.of("bom-" + SKU)));
    }

    @Test
    void givenSkuWithBom_whenSkuDeleted_thenItsBomGoesWithIt() {
        database.references.use(ORG, CatalogKinds.of(CatalogKind.MATERIAL), "m-a", "bom-" + SKU);
        fixture.given(sku, new BomReplaced(SKU, List.of(line("m-a", "1"))))
                .when(new DeleteCatalogRecord(SKU, ORG, CatalogKind.SKU))
                .expectEvents(new BomDeleted(SKU), new CatalogRecordDeleted(SKU, CatalogKind.SKU));

        assertThat(database.references.uses("m-a").count()).isZero();
    }

    @Test
    void givenBom_whenDeleted_thenItsMaterialsAreFree() {
        database.references.use(ORG, CatalogKinds.of(CatalogKind.MATERIAL), "m-a", "bom-" + SKU);
        fixture.given(sku, new BomReplaced(SKU, List.of(line("m-a", "1"))))
                .when(new DeleteBom(SKU, ORG))
                .expectEvents(new BomDeleted(SKU));

        assertThat(database.references.uses("m-a").count()).isZero();
    }
}
