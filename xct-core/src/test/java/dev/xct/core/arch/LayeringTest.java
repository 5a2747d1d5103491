package dev.xct.core.arch;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins the layering of xct-core that {@code docs/architecture.md} describes: the API packages and
 * the internals that implement them sit below the run engine, and the engine below the facade
 * ({@code ExecutionLoop}), so no value type or extension point can call into a run.
 */
class LayeringTest {
  private static JavaClasses core;

  @BeforeAll
  static void importCore() {
    core =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.xct.core");
    assertThat(core.contain("dev.xct.core.internal.run.RunEngine")).isTrue();
    assertThat(core.contain("dev.xct.core.loop.ExecutionLoop")).isTrue();
  }

  @Test
  void theEngineIsAboveTheApiAndBelowTheFacade() {
    layeredArchitecture()
        .consideringOnlyDependenciesInAnyPackage("dev.xct.core..")
        .layer("facade")
        .definedBy("dev.xct.core.loop..")
        .layer("engine")
        .definedBy("dev.xct.core.internal.run..")
        .layer("api")
        .definedBy(
            "dev.xct.core",
            "dev.xct.core.context..",
            "dev.xct.core.event..",
            "dev.xct.core.journal..",
            "dev.xct.core.protocol..",
            "dev.xct.core.tool..",
            "dev.xct.core.validate..",
            "dev.xct.core.internal.codec..",
            "dev.xct.core.internal.collect..",
            "dev.xct.core.internal.context..",
            "dev.xct.core.internal.event..",
            "dev.xct.core.internal.journal..",
            "dev.xct.core.internal.json..",
            "dev.xct.core.internal.schema..",
            "dev.xct.core.internal.validate..")
        .whereLayer("facade")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("engine")
        .mayOnlyBeAccessedByLayers("facade")
        .ensureAllClassesAreContainedInArchitecture()
        .check(core);
  }

  @Test
  void theInternalHelpersDoNotDependOnEachOtherInCycles() {
    slices().matching("dev.xct.core.internal.(*)..").should().beFreeOfCycles().check(core);
  }
}
