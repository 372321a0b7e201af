package dev.troupe.engine.controllers.gitcommit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.api.kinds.delivery.GitCommitRequest;
import dev.troupe.engine.jsonpatch.JsonPatch;
import dev.troupe.engine.jsonpatch.JsonPatchException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * Applies a request's {@code spec.files} to a working tree, in list order (delivery.md §7.2 step
 * 4): {@code content} replaces the file (parents created), {@code patch} applies an RFC 6902 patch
 * to the JSON or YAML document in it, {@code delete} removes it (a missing file is fine). Files are
 * written non-executable. A file over {@value #MAX_FILE_BYTES} bytes is refused.
 */
final class FileEdits {
  static final int MAX_FILE_BYTES = 10 * 1024 * 1024;
  private static final Set<PosixFilePermission> REGULAR =
      PosixFilePermissions.fromString("rw-r--r--");

  private FileEdits() {}

  static void apply(Path workTree, List<GitCommitRequest.FileEdit> files) throws EditException {
    for (GitCommitRequest.FileEdit file : files) {
      Path target = RepoPaths.resolve(workTree, file.path());
      switch (file.edit()) {
        case GitCommitRequest.Replace r ->
            write(file.path(), target, r.content().getBytes(StandardCharsets.UTF_8));
        case GitCommitRequest.Patch p -> patch(file.path(), target, p.operations());
        case GitCommitRequest.Delete d -> delete(file.path(), target);
      }
    }
  }

  private static void write(String path, Path target, byte[] bytes) throws EditException {
    if (bytes.length > MAX_FILE_BYTES) {
      throw new EditException(
          "file \"" + path + "\" would be larger than 10 MiB (" + bytes.length + " bytes)");
    }
    if (Files.isSymbolicLink(target)) {
      throw new EditException(
          "file \"" + path + "\" is a symbolic link in the repository; it is not written through");
    }
    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new EditException("path \"" + path + "\" is a directory in the repository");
    }
    try {
      Files.createDirectories(target.getParent());
      Files.write(target, bytes);
      if (Files.getFileStore(target).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(target, REGULAR);
      }
    } catch (IOException e) {
      throw new EditException("cannot write \"" + path + "\": " + e.getClass().getSimpleName());
    }
  }

  private static void patch(String path, Path target, String operations) throws EditException {
    if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new EditException(
          "cannot patch \""
              + path
              + "\": "
              + (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                  ? "it is not a regular file"
                  : "the file does not exist"));
    }
    JsonPatch patch;
    try {
      patch = JsonPatch.parse(operations);
    } catch (JsonPatchException e) {
      throw new EditException("cannot patch \"" + path + "\": " + e.getMessage());
    }
    String text = read(path, target);
    StructuredFile format = StructuredFile.of(path);
    JsonNode before = format.read(path, text);
    JsonNode after;
    try {
      after = patch.apply(before);
    } catch (JsonPatchException e) {
      throw new EditException("patch of \"" + path + "\" does not apply: " + e.getMessage());
    }
    if (after.equals(before)) {
      // Rewriting would only re-format the file: leave it as it is.
      return;
    }
    write(path, target, format.write(after).getBytes(StandardCharsets.UTF_8));
  }

  private static String read(String path, Path target) throws EditException {
    try {
      if (Files.size(target) > MAX_FILE_BYTES) {
        throw new EditException("cannot patch \"" + path + "\": the file is larger than 10 MiB");
      }
      return StandardCharsets.UTF_8
          .newDecoder()
          .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(target)))
          .toString();
    } catch (CharacterCodingException e) {
      throw new EditException("cannot patch \"" + path + "\": it is not UTF-8 text");
    } catch (IOException e) {
      throw new EditException("cannot read \"" + path + "\": " + e.getClass().getSimpleName());
    }
  }

  private static void delete(String path, Path target) throws EditException {
    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new EditException("cannot delete \"" + path + "\": it is a directory");
    }
    try {
      Files.deleteIfExists(target);
    } catch (IOException e) {
      throw new EditException("cannot delete \"" + path + "\": " + e.getClass().getSimpleName());
    }
  }
}
