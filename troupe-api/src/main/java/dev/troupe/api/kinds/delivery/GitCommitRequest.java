package dev.troupe.api.kinds.delivery;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.troupe.api.model.Condition;
import dev.troupe.api.model.ObjectMeta;
import dev.troupe.api.model.Resource;
import java.util.List;

/**
 * A request to make one commit to a Git repository and push it (model.md §3.25). The spec is
 * immutable; file contents and patches are never quoted in messages.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GitCommitRequest(
    String apiVersion, String kind, ObjectMeta metadata, Spec spec, Status status)
    implements Resource {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Spec(
      String repoURL,
      String branch,
      String message,
      Author author,
      String authSecretRef,
      List<FileEdit> files) {
    public Spec {
      files = files == null ? null : List.copyOf(files);
    }
  }

  /** Commit author; the committer is always the Troupe server identity. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Author(String name, String email) {}

  /** One edit: exactly one of {@code content}, {@code patch}, {@code delete: true}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FileEdit(String path, String content, String patch, Boolean delete) {

    /** The edit as a typed value. */
    @JsonIgnore
    public Edit edit() {
      if (content != null) {
        return new Replace(content);
      }
      if (patch != null) {
        return new Patch(patch);
      }
      return new Delete();
    }

    @Override
    public String toString() {
      return "FileEdit[path=" + path + ", " + edit().getClass().getSimpleName() + "]";
    }
  }

  /** What a {@link FileEdit} does. */
  public sealed interface Edit permits Replace, Patch, Delete {}

  /** Replace the whole file with {@code content}. */
  public record Replace(String content) implements Edit {
    @Override
    public String toString() {
      return "Replace[<redacted>]";
    }
  }

  /** Apply an RFC 6902 JSON patch (JSON or YAML files). */
  public record Patch(String operations) implements Edit {
    @Override
    public String toString() {
      return "Patch[<redacted>]";
    }
  }

  /** Remove the file (a missing file is not an error). */
  public record Delete() implements Edit {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Status(
      String phase,
      String observedSHA,
      String observedBranch,
      String message,
      Integer attempts,
      String completionTime,
      Long observedGeneration,
      List<Condition> conditions) {
    public Status {
      conditions = conditions == null ? null : List.copyOf(conditions);
    }
  }
}
