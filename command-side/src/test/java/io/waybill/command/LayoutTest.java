package io.waybill.command;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The command side's layout: one package per feature (its aggregate, rules, endpoints and request types), and the
 * mechanisms they share (sending commands, the registry, configuration) knowing no feature.
 */
class LayoutTest {

    static final String[] MECHANISMS = {"io.waybill.command.support..", "io.waybill.command.registry..",
            "io.waybill.command.config.."};

    private final JavaClasses command = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.waybill.command");

    @Test
    void theMechanismsKnowNoFeature() {
        classes().that().resideInAnyPackage(MECHANISMS)
                .should().onlyDependOnClassesThat(
                        resideOutsideOfPackage("io.waybill.command..").or(resideInAnyPackage(MECHANISMS)))
                .check(command);
    }

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        slices().matching("io.waybill.command.(*)..").should().beFreeOfCycles().check(command);
    }

    @Test
    void theCommandSideReadsNoReadModel() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.waybill.query..").check(command);
    }
}
