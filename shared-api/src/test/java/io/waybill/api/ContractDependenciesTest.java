package io.waybill.api;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The contract between the sides depends on nothing but the JDK, Axon's modelling, Jackson's annotations and the
 * OpenAPI annotations that describe its answers.
 */
class ContractDependenciesTest {

    private final JavaClasses contract = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.waybill.api");

    @Test
    void theContractUsesNoFrameworkBeyondAnnotations() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.waybill.api..",
                        "org.axonframework.modelling.command..", "com.fasterxml.jackson.annotation..",
                        "io.swagger.v3.oas.annotations..")
                .check(contract);
    }

    @Test
    void everyEventAndCommandIsARecord() {
        classes().that().resideInAnyPackage("io.waybill.api.order..", "io.waybill.api.itemgroup..")
                .and().areNotInterfaces().and().doNotHaveSimpleName("ItemGroupEvolution")
                .and().areNotNestedClasses()
                .should().beRecords()
                .check(contract);
    }
}
