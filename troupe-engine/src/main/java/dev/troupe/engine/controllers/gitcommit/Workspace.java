package dev.troupe.engine.controllers.gitcommit;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private temporary directory for one clone (delivery.md §7.2 step 3): created with mode 0700
 * under the work root, deleted with everything in it when closed. Symbolic links inside are
 * removed, never followed.
 */
final class Workspace implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Workspace.class);
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private final Path dir;

  private Workspace(Path dir) {
    this.dir = dir;
  }

  static Workspace create(Path root) throws IOException {
    if (POSIX) {
      FileAttribute<?> owner =
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
      Files.createDirectories(root, owner);
      return new Workspace(Files.createTempDirectory(root, "gcr-", owner));
    }
    Files.createDirectories(root);
    return new Workspace(Files.createTempDirectory(root, "gcr-"));
  }

  Path dir() {
    return dir;
  }

  @Override
  public void close() {
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
              Files.delete(d);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      log.warn("Left a temporary clone behind", e);
    }
  }
}
