package dev.polder.runtime.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Layering of the whole repository: the Rego engine stands alone, libraries never reach into the
 * runtime, and the runtime's packages (one concept each) form no cycles. Reads the compiled classes
 * of every module, which the reactor builds before the runtime's tests run.
 */
class LayeringTest {

  private static final List<String> MODULES =
      List.of("rego-engine", "pii-detectors", "connectors", "runtime");

  private static JavaClasses classes;

  @BeforeAll
  static void importAll() {
    List<Path> folders = MODULES.stream().map(m -> Path.of("..", m, "target", "classes")).toList();
    for (Path folder : folders) {
      if (!Files.isDirectory(folder)) {
        throw new IllegalStateException(folder + " is missing: build the modules first");
      }
    }
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPaths(folders);
    assertFalse(classes.isEmpty());
  }

  @Test
  void regoEngineDependsOnNoOtherPolderPackage() {
    noClasses()
        .that()
        .resideInAPackage("dev.polder.rego..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.polder.runtime..", "dev.polder.pii..", "dev.polder.connectors..")
        .check(classes);
  }

  @Test
  void librariesNeverDependOnTheRuntime() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.polder.pii..", "dev.polder.connectors..", "dev.polder.rego..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.polder.runtime..")
        .check(classes);
  }

  @Test
  void runtimePackagesAreFreeOfCycles() {
    slices().matching("dev.polder.runtime.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void nothingDependsOnTheEdge() {
    noClasses()
        .that()
        .resideInAPackage("dev.polder.runtime..")
        .and()
        .resideOutsideOfPackage("dev.polder.runtime.edge..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.polder.runtime.edge..")
        .check(classes);
  }

  @Test
  void thePipelineKnowsNoStep() {
    noClasses()
        .that()
        .resideInAPackage("dev.polder.runtime.pipeline..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.polder.runtime.auth..",
            "dev.polder.runtime.request..",
            "dev.polder.runtime.routing..",
            "dev.polder.runtime.account..",
            "dev.polder.runtime.limits..",
            "dev.polder.runtime.backend..")
        .check(classes);
  }

  @Test
  void errorsAndConfigurationStayAtTheBottom() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.polder.runtime.error..", "dev.polder.runtime.config..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.polder.runtime.pipeline..",
            "dev.polder.runtime.identity..",
            "dev.polder.runtime.routing..",
            "dev.polder.runtime.edge..")
        .check(classes);
  }
}
