package io.waybill.command.catalog;

import io.waybill.api.catalog.CatalogKind;
import io.waybill.api.catalog.CatalogRecordChanged;
import io.waybill.api.catalog.CatalogRecordCreated;
import io.waybill.api.catalog.CatalogRecordDeleted;
import io.waybill.api.catalog.CatalogRecordView;
import io.waybill.api.catalog.CreateCatalogRecord;
import io.waybill.api.catalog.DeleteCatalogRecord;
import io.waybill.api.catalog.LocationDetails;
import io.waybill.api.catalog.MaterialDetails;
import io.waybill.api.catalog.MaterialTypeDetails;
import io.waybill.api.catalog.UpdateCatalogRecord;
import io.waybill.command.registry.RegistryEntry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.waybill.api.ErrorCode.CONFLICT;
import static io.waybill.api.ErrorCode.IN_USE;
import static io.waybill.api.ErrorCode.NOT_FOUND;
import static io.waybill.api.ErrorCode.VALIDATION_FAILED;
import static io.waybill.command.itemgroup.DomainErrorMatcher.domainError;
import static org.assertj.core.api.Assertions.assertThat;

class CatalogRecordTest extends CatalogTestBase {

    @Test
    void givenNothing_whenCreateMaterialType_thenCreatedActiveWithSortOrderZero() {
        MaterialTypeDetails complete = materialType("Metals");
        fixture.givenNoPriorActivity()
                .when(new CreateCatalogRecord(MATERIAL_TYPE, ORG, new MaterialTypeDetails("Metals", null, null)))
                .expectEvents(new CatalogRecordCreated(MATERIAL_TYPE, ORG, complete))
                .expectResultMessagePayload(new CatalogRecordView(MATERIAL_TYPE, ORG, complete,
                        fixture.currentTime(), fixture.currentTime()));

        assertThat(database.registry.find(ORG, MATERIAL_TYPE))
                .contains(new RegistryEntry(MATERIAL_TYPE, ORG, CatalogKinds.of(CatalogKind.MATERIAL_TYPE).name(), "",
                        "Metals", false, 1));
    }

    @Test
    void cannotCreateTwoMaterialsWithTheSameCode() {
        registerLive(MATERIAL_TYPE, CatalogKinds.of(CatalogKind.MATERIAL_TYPE), "Metals");
        existing("m-0", material("STEEL", MATERIAL_TYPE));
        fixture.givenNoPriorActivity()
                .when(new CreateCatalogRecord(MATERIAL, ORG, material("STEEL", MATERIAL_TYPE)))
                .expectException(domainError(CONFLICT, "field", "code"))
                .expectNoEvents();
    }

    @Test
    void sameCodeInAnotherOrganisationIsFine() {
        database.registry.register(MATERIAL_TYPE, OTHER_ORG, CatalogKinds.of(CatalogKind.MATERIAL_TYPE), "", "Metals", "name");
        database.registry.register("m-0", ORG, CatalogKinds.of(CatalogKind.MATERIAL), "", "STEEL", "code");
        fixture.givenNoPriorActivity()
                .when(new CreateCatalogRecord(MATERIAL, OTHER_ORG, material("STEEL", MATERIAL_TYPE)))
                .expectEvents(new CatalogRecordCreated(MATERIAL, OTHER_ORG, material("STEEL", MATERIAL_TYPE)));
    }

    @Test
    void cannotCreateAMaterialWhoseTypeDoesNotExist() {
        fixture.givenNoPriorActivity()
                .when(new CreateCatalogRecord(MATERIAL, ORG, material("STEEL", "no-such-type")))
                .expectException(domainError(VALIDATION_FAILED, "field", "typeId"))
                .expectNoEvents();
    }

    @Test
    void aMaterialCannotHaveASkuTypeOrAnotherOrganisationsType() {
        registerLive(SKU_TYPE, CatalogKinds.of(CatalogKind.SKU_TYPE), "Finished");
        database.registry.register("mt-other", OTHER_ORG, CatalogKinds.of(CatalogKind.MATERIAL_TYPE), "", "Metals", "name");
        for (String type : List.of(SKU_TYPE, "mt-other")) {
            fixture.givenNoPriorActivity()
                    .when(new CreateCatalogRecord("m-of-" + type, ORG, material("STEEL-" + type, type)))
                    .expectException(domainError(VALIDATION_FAILED, "field", "typeId"));
        }
    }

    @Test
    void givenMaterialType_whenMaterialCreated_thenTheTypeIsInUseByIt() {
        registerLive(MATERIAL_TYPE, CatalogKinds.of(CatalogKind.MATERIAL_TYPE), "Metals");
        fixture.givenNoPriorActivity()
                .when(new CreateCatalogRecord(MATERIAL, ORG, material("STEEL", MATERIAL_TYPE)))
                .expectSuccessfulHandlerExecution();

        assertThat(database.references.uses(MATERIAL_TYPE).sample()).containsExactly(MATERIAL);
    }

    @Test
    void givenMaterial_whenTypeChanged_thenTheNewTypeIsUsedAndTheOldOneReleased() {
        registerLive(MATERIAL_TYPE, CatalogKinds.of(CatalogKind.MATERIAL_TYPE), "Metals");
        registerLive("mt-2", CatalogKinds.of(CatalogKind.MATERIAL_TYPE), "Plastics");
        var created = existing(MATERIAL, material("STEEL", MATERIAL_TYPE));
        database.references.use(ORG, CatalogKinds.of(CatalogKind.MATERIAL_TYPE), MATERIAL_TYPE, MATERIAL);
        fixture.given(created)
                .when(new UpdateCatalogRecord(MATERIAL, ORG, new MaterialDetails(null, null, "mt-2", null, null),
                        Set.of()))
                .expectEvents(new CatalogRecordChanged(MATERIAL, material("STEEL", "mt-2"), List.of("typeId")));

        assertThat(database.references.uses(MATERIAL_TYPE).count()).isZero();
        assertThat(database.references.uses("mt-2").sample()).containsExactly(MATERIAL);
    }

    @Test
    void givenLocation_whenPatchedWithWhatItHolds_thenNothingIsRecorded() {
        LocationDetails details = new LocationDetails("Main", null, "Austin", null, "US", null, "dock 4", 0, true);
        fixture.given(existing("loc-1", details))
                .when(new UpdateCatalogRecord("loc-1", ORG, new LocationDetails(null, null, "Austin", null, null,
                        null, null, null, null), Set.of()))
                .expectNoEvents();
    }

    @Test
    void givenLocation_whenNotesCleared_thenTheyAreGone() {
        LocationDetails details = new LocationDetails("Main", null, "Austin", null, "US", null, "dock 4", 0, true);
        fixture.given(existing("loc-1", details))
                .when(new UpdateCatalogRecord("loc-1", ORG, new LocationDetails(null, null, null, null, null, null,
                        null, null, false), Set.of("notes")))
                .expectEvents(new CatalogRecordChanged("loc-1", new LocationDetails("Main", null, "Austin", null,
                        "US", null, null, 0, false), List.of("notes", "isActive")));
    }

    @Test
    void anotherOrganisationsRecordOrOneOfAnotherKindIsNotFound() {
        var created = existing(MATERIAL_TYPE, materialType("Metals"));
        fixture.given(created)
                .when(new DeleteCatalogRecord(MATERIAL_TYPE, OTHER_ORG, CatalogKind.MATERIAL_TYPE))
                .expectException(domainError(NOT_FOUND));
        fixture.given(created)
                .when(new DeleteCatalogRecord(MATERIAL_TYPE, ORG, CatalogKind.SKU_TYPE))
                .expectException(domainError(NOT_FOUND));
        fixture.given(created)
                .when(new UpdateCatalogRecord(MATERIAL_TYPE, OTHER_ORG, new MaterialTypeDetails("X", null, null),
                        Set.of()))
                .expectException(domainError(NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void cannotDeleteAMaterialTypeThatAMaterialUses() {
        var created = existing(MATERIAL_TYPE, materialType("Metals"));
        database.references.use(ORG, CatalogKinds.of(CatalogKind.MATERIAL_TYPE), MATERIAL_TYPE, MATERIAL);
        fixture.given(created)
                .when(new DeleteCatalogRecord(MATERIAL_TYPE, ORG, CatalogKind.MATERIAL_TYPE))
                .expectException(domainError(IN_USE, "usedBy", List.of(MATERIAL)))
                .expectNoEvents();
    }

    @Test
    void givenUnusedMaterial_whenDeleted_thenItsTypeIsReleasedAndItsCodeFree() {
        registerLive(MATERIAL_TYPE, CatalogKinds.of(CatalogKind.MATERIAL_TYPE), "Metals");
        var created = existing(MATERIAL, material("STEEL", MATERIAL_TYPE));
        database.references.use(ORG, CatalogKinds.of(CatalogKind.MATERIAL_TYPE), MATERIAL_TYPE, MATERIAL);
        fixture.given(created)
                .when(new DeleteCatalogRecord(MATERIAL, ORG, CatalogKind.MATERIAL))
                .expectEvents(new CatalogRecordDeleted(MATERIAL, CatalogKind.MATERIAL))
                .expectResultMessagePayload(MATERIAL);

        assertThat(database.references.uses(MATERIAL_TYPE).count()).isZero();
        assertThat(database.registry.find(ORG, MATERIAL)).hasValueSatisfying(e -> assertThat(e.deleted()).isTrue());
        database.registry.register("m-2", ORG, CatalogKinds.of(CatalogKind.MATERIAL), "", "STEEL", "code");
    }
}
