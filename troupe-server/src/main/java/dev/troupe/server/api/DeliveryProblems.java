package dev.troupe.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.admission.Problem;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.kinds.delivery.PromotionDecisions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The REST codes of the typed delivery endpoints (delivery.md §3.2, §3.4, §9.1) for what admission
 * and {@link PromotionDecisions} report. Admission lists every problem of a promotion request; the
 * typed endpoint answers with the code of the problem that comes first in the order of the §3.2
 * table (project and pipeline, path, environments, component type, source binding, readiness,
 * promotions in progress) and still lists every problem in {@code errors}.
 */
final class DeliveryProblems {
  /** A REST code with its HTTP status and its row in the §3.2 table (0: the request itself). */
  record Code(String code, int status, int step) {}

  static final Code INVALID = new Code("INVALID", 400, 0);
  static final Code ORGANIZATION_NOT_FOUND = new Code("ORGANIZATION_NOT_FOUND", 404, 0);
  static final Code PROJECT_NOT_FOUND = new Code("PROJECT_NOT_FOUND", 404, 1);
  static final Code COMPONENT_NOT_FOUND = new Code("COMPONENT_NOT_FOUND", 404, 1);
  static final Code PIPELINE_NOT_FOUND = new Code("DEPLOYMENT_PIPELINE_NOT_FOUND", 404, 1);
  static final Code INVALID_PROMOTION_PATH = new Code("INVALID_PROMOTION_PATH", 400, 2);
  static final Code ENVIRONMENT_NOT_FOUND = new Code("ENVIRONMENT_NOT_FOUND", 404, 3);
  static final Code UNSUPPORTED_COMPONENT_TYPE = new Code("UNSUPPORTED_COMPONENT_TYPE", 400, 4);
  static final Code BINDING_NOT_FOUND = new Code("BINDING_NOT_FOUND", 404, 5);
  static final Code AMBIGUOUS_BINDING = new Code("AMBIGUOUS_BINDING", 409, 5);
  static final Code SOURCE_NOT_READY = new Code("SOURCE_NOT_READY", 409, 6);
  static final Code PROMOTION_IN_PROGRESS = new Code("PROMOTION_IN_PROGRESS", 409, 7);
  static final Code FORBIDDEN = new Code("FORBIDDEN", 403, 8);

  static final String OWNER_PROJECT = "spec.owner.projectName";
  static final String OWNER_COMPONENT = "spec.owner.componentName";
  static final String SOURCE = "spec.sourceEnvironment";
  static final String TARGET = "spec.targetEnvironment";

  private DeliveryProblems() {}

  /** The problem a rejected promotion request is answered with. */
  static ApiException promotion(List<Problem> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("no errors to report");
    }
    Problem first =
        errors.stream().min(Comparator.comparingInt(p -> codeOf(p).step())).orElseThrow();
    Code code = codeOf(first);
    List<ObjectNode> entries = errors.stream().map(ProblemDetails::entry).toList();
    String detail =
        (first.path().isEmpty() ? "" : first.path() + ": ")
            + first.message()
            + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
    return new ApiException(code.status(), code.code(), detail, entries, Map.of());
  }

  /** The §3.2 code of one admission problem of a Promotion. */
  static Code codeOf(Problem p) {
    String path = p.path();
    String message = p.message() == null ? "" : p.message();
    return switch (p.rule()) {
      case InvalidPromotionPath -> INVALID_PROMOTION_PATH;
      case Forbidden, FieldManagedByPlatform -> FORBIDDEN;
      case Terminating -> ENVIRONMENT_NOT_FOUND;
      case NotFound -> {
        if (path.equals("metadata.namespace")) {
          yield ORGANIZATION_NOT_FOUND;
        }
        if (path.equals(OWNER_PROJECT)) {
          yield PROJECT_NOT_FOUND;
        }
        if (path.equals(OWNER_COMPONENT)) {
          yield COMPONENT_NOT_FOUND;
        }
        if (message.startsWith("DeploymentPipeline ")) {
          yield PIPELINE_NOT_FOUND;
        }
        if (message.startsWith("Environment ")) {
          yield ENVIRONMENT_NOT_FOUND;
        }
        yield path.equals(SOURCE) ? BINDING_NOT_FOUND : INVALID;
      }
      case InvalidReference -> {
        if (path.equals(OWNER_PROJECT)) {
          yield COMPONENT_NOT_FOUND; // the component belongs to another project
        }
        if (path.equals(OWNER_COMPONENT)) {
          // Without a claim there can be no source binding; otherwise the type has no runtime.
          yield message.endsWith(" claim") ? BINDING_NOT_FOUND : UNSUPPORTED_COMPONENT_TYPE;
        }
        yield INVALID;
      }
      case Conflict -> {
        if (path.equals(TARGET)) {
          yield PROMOTION_IN_PROGRESS;
        }
        if (path.equals(SOURCE)) {
          yield message.endsWith(" is not Ready") ? SOURCE_NOT_READY : AMBIGUOUS_BINDING;
        }
        yield new Code("CONFLICT", 409, 0);
      }
      default -> INVALID;
    };
  }

  /**
   * The problem a refused decision is answered with: permission, then gate, then phase.
   *
   * @param notPending the detail of a 409 PROMOTION_NOT_PENDING (phase or expiry)
   */
  static ApiException decision(PromotionDecisions.Refused refused, String notPending) {
    Problem chosen = null;
    int best = Integer.MAX_VALUE;
    for (Problem p : refused.problems()) {
      int rank = decisionRank(p);
      if (rank < best) {
        best = rank;
        chosen = p;
      }
    }
    if (chosen == null) {
      throw new IllegalArgumentException("a refusal without problems");
    }
    List<ObjectNode> entries = refused.problems().stream().map(ProblemDetails::entry).toList();
    return switch (best) {
      case 0 -> new ApiException(403, "FORBIDDEN", chosen.message(), entries, Map.of());
      case 1 -> new ApiException(403, "APPROVAL_NOT_ALLOWED", chosen.message(), entries, Map.of());
      default -> new ApiException(409, "PROMOTION_NOT_PENDING", notPending, entries, Map.of());
    };
  }

  private static int decisionRank(Problem p) {
    if (p.rule() == Rule.Forbidden) {
      return p.message().startsWith("missing the permission") ? 0 : 1;
    }
    return 2;
  }
}
