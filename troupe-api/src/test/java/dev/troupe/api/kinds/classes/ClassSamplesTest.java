package dev.troupe.api.kinds.classes;

import static dev.troupe.api.testing.TestAdmission.assertAccepted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.testing.SharedDir;
import dev.troupe.api.testing.TestAdmission;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The example classes in {@code samples/classes/} are valid, without warnings. */
class ClassSamplesTest {
  @Test
  void samplesAreAcceptedAsOneBatch() throws IOException {
    Path dir = SharedDir.repositoryRoot().resolve("samples/classes");
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    StringBuilder batch = new StringBuilder();
    for (Path f : files) {
      batch.append("---\n").append(Files.readString(f));
    }
    AdmissionResult r = assertAccepted(TestAdmission.create().admit(batch.toString()));
    assertThat(r.problems()).isEmpty();
    assertThat(r.objects())
        .extracting(o -> o.resource().kind() + "/" + o.resource().name())
        .containsExactlyInAnyOrder(
            "ServiceClass/standard-service",
            "WebApplicationClass/standard-web",
            "ScheduledTaskClass/nightly-task",
            "APIClass/public-api");
    ScheduledTaskClass nightly =
        r.objects().stream()
            .map(o -> o.resource())
            .filter(ScheduledTaskClass.class::isInstance)
            .map(ScheduledTaskClass.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(nightly.schedule()).contains("0 2 * * *");
  }
}
