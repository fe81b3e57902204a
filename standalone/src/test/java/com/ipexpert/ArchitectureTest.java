package com.ipexpert;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module boundaries the architecture rests on: the sides meet only through Axon messages in shared-api. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.ipexpert");
    }

    @Test
    void the_command_side_never_uses_the_query_side() {
        noClasses().that().resideInAPackage("com.ipexpert.command..")
                .should().dependOnClassesThat().resideInAPackage("com.ipexpert.query..")
                .check(classes);
    }

    @Test
    void the_query_side_never_uses_the_command_side() {
        noClasses().that().resideInAPackage("com.ipexpert.query..")
                .should().dependOnClassesThat().resideInAPackage("com.ipexpert.command..")
                .check(classes);
    }

    @Test
    void the_shared_contract_is_free_of_spring() {
        noClasses().that().resideInAPackage("com.ipexpert.api..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(classes);
    }

    @Test
    void the_shared_edge_knows_neither_side() {
        noClasses().that().resideInAPackage("com.ipexpert.edge..")
                .should().dependOnClassesThat().resideInAnyPackage("com.ipexpert.command..", "com.ipexpert.query..")
                .check(classes);
    }
}
