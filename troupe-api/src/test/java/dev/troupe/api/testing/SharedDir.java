package dev.troupe.api.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Locates the workplace's {@code shared/} folder (spec, conformance samples), which lies beside the
 * repository checkout: {@code -Dtroupe.shared=DIR}, else the first ancestor of the working
 * directory that has a sibling {@code shared/spec}.
 */
public final class SharedDir {
  private SharedDir() {}

  public static Optional<Path> find() {
    String configured = System.getProperty("troupe.shared", "");
    if (!configured.isBlank()) {
      return Optional.of(Path.of(configured)).filter(Files::isDirectory);
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolveSibling("shared");
      if (Files.isDirectory(candidate.resolve("spec"))) {
        return Optional.of(candidate);
      }
      dir = dir.getParent();
    }
    return Optional.empty();
  }

  /** The repository root (the directory holding the parent pom). */
  public static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("not inside the Troupe repository");
    }
    return dir;
  }
}
