package io.waybill.query;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.waybill.query.support.ReadModelTables;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query side's layout: one package per feature, and the mechanisms every feature plugs into (events and
 * streams, timelines, paging and rows, projection configuration, operations) knowing no feature.
 */
class LayoutTest {

    static final String[] MECHANISMS = {"io.waybill.query.events..", "io.waybill.query.timeline..",
            "io.waybill.query.support..", "io.waybill.query.config..", "io.waybill.query.ops.."};

    private final JavaClasses query = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.waybill.query");

    @Test
    void theMechanismsKnowNoFeature() {
        classes().that().resideInAnyPackage(MECHANISMS)
                .should().onlyDependOnClassesThat(
                        resideOutsideOfPackage("io.waybill.query..").or(resideInAnyPackage(MECHANISMS)))
                .check(query);
    }

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        slices().matching("io.waybill.query.(*)..").should().beFreeOfCycles().check(query);
    }

    @Test
    void everyProjectionHasATestThatFeedsItEvents() {
        List<String> untested = query.stream().filter(type -> type.isAnnotatedWith(ReadModelTables.class))
                .map(type -> type.getName() + "Test")
                .filter(test -> !exists(test)).toList();
        assertThat(untested).as("projections without a <Projection>Test beside them").isEmpty();
    }

    @Test
    void theQuerySideSendsNoCommands() {
        classes().should().onlyDependOnClassesThat().resideOutsideOfPackages("io.waybill.command..",
                "org.axonframework.commandhandling..").check(query);
    }

    private static boolean exists(String className) {
        try {
            Class.forName(className);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
