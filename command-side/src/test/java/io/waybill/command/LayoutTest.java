package io.waybill.command;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.commandhandling.CommandHandler;
import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

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

    /**
     * A command's answer keeps its type through a serializing command bus (Axon Server) only when it is a type of its
     * own: a bare list or map comes back as a list of maps.
     */
    @Test
    void commandHandlersAnswerTypesOfTheirOwn() {
        List<String> generic = command.stream().flatMap(type -> type.getMethods().stream())
                .filter(method -> method.isAnnotatedWith(CommandHandler.class))
                .filter(method -> method.getRawReturnType().isAssignableTo(Collection.class)
                        || method.getRawReturnType().isAssignableTo(Map.class)
                        || method.getRawReturnType().isAssignableTo(Optional.class))
                .map(method -> method.getFullName()).toList();
        assertThat(generic).isEmpty();
    }

    @Test
    void theCommandSideReadsNoReadModel() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.waybill.query..").check(command);
    }
}
