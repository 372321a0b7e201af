package dev.troupe.render.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * Rendering is pure (DESIGN.md §2–3): no clients, stores, files, network, clock or randomness. A
 * renderer takes values and returns values.
 */
class PurityTest {
  private static final JavaClasses RENDER =
      new ClassFileImporter()
          // Main classes only, whatever the build directory is called (-Dtroupe.build.dir).
          .withImportOption(location -> !location.contains("/test-classes/"))
          .importPackages("dev.troupe.render");

  @Test
  void rendersReachNoClientStoreOrIo() {
    noClasses()
        .should()
        .dependOnClassesThat(
            resideInAnyPackage(
                    "io.fabric8.kubernetes.client..",
                    "java.net..",
                    "java.nio.file..",
                    "java.io..",
                    "java.sql..",
                    "org.eclipse.jgit..",
                    "dev.troupe.engine..",
                    "dev.troupe.server..",
                    "dev.troupe.cli..")
                // Writing canonical YAML through Jackson declares IOException; that is no I/O.
                .and(not(type(java.io.IOException.class))))
        .because("renderers are pure functions of their inputs")
        .check(RENDER);
  }

  @Test
  void rendersReadNoClockAndNoRandomness() {
    noClasses()
        .should()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(System.class, "nanoTime")
        .orShould()
        .callMethod(java.time.Instant.class, "now")
        .orShould()
        .callMethod(java.time.LocalDateTime.class, "now")
        .orShould()
        .callMethod(java.time.OffsetDateTime.class, "now")
        .orShould()
        .callMethod(java.util.UUID.class, "randomUUID")
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(java.util.Random.class)
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(java.time.Clock.class)
        .because("equal inputs must produce byte-identical output (rendering.md §0.1)")
        .check(RENDER);
  }
}
