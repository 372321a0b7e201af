package dev.troupe.api.kinds.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.troupe.api.kinds.app.TemplateRef;
import dev.troupe.api.model.Condition;
import dev.troupe.api.model.ObjectMeta;
import dev.troupe.api.model.Owner;
import dev.troupe.api.model.Resource;
import java.util.List;

/**
 * One source-to-image build of a component (model.md §3.23). Kind {@code BuildV2} is an alias. The
 * spec is immutable: a Build runs once, a retry is a new Build.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Build(String apiVersion, String kind, ObjectMeta metadata, Spec spec, Status status)
    implements Resource {

  /** Branch built when neither branch nor commit is given. */
  public static final String DEFAULT_BRANCH = "main";

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Spec(
      Owner owner, Repository repository, TemplateRef templateRef, String buildPlaneRef) {}

  /** The source to build. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Repository(String url, Revision revision, String appPath, String authSecretRef) {}

  /** Branch and/or exact commit; the commit wins over the branch. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Revision(String branch, String commit) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Status(
      String phase,
      ImageStatus imageStatus,
      String commit,
      String deployableArtifact,
      Workflow workflow,
      String startedAt,
      String completedAt,
      String message,
      Long observedGeneration,
      List<Condition> conditions) {
    public Status {
      conditions = conditions == null ? null : List.copyOf(conditions);
    }

    /** {@code Succeeded} and {@code Failed} are terminal. */
    public boolean terminal() {
      return "Succeeded".equals(phase) || "Failed".equals(phase);
    }
  }

  /** The built image and, when known, its digest. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ImageStatus(String image, String digest) {}

  /** The remote workflow that runs the build. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Workflow(String buildPlane, String namespace, String name) {}
}
