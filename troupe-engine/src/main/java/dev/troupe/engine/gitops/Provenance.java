package dev.troupe.engine.gitops;

import java.util.Map;
import java.util.Optional;

/**
 * What produced a Release: the values of its annotations written by the binding controller
 * (delivery.md §2.1), plus the artifact digest the controller resolves. Every field may be absent,
 * for example on a Release a user authored directly; absent values leave their trailer out of the
 * commit message.
 *
 * @param bindingKind {@code openchoreo.dev/binding-kind}
 * @param bindingName {@code openchoreo.dev/binding-name}
 * @param bindingRevision {@code openchoreo.dev/binding-revision}
 * @param changeCause {@code openchoreo.dev/change-cause}, parsed
 * @param artifact {@code openchoreo.dev/deployable-artifact}
 * @param artifactDigest the artifact's {@code sha256:…} digest, when the caller resolved it
 */
public record Provenance(
    String bindingKind,
    String bindingName,
    Long bindingRevision,
    ChangeCause changeCause,
    String artifact,
    String artifactDigest) {

  public static final String BINDING_KIND = "openchoreo.dev/binding-kind";
  public static final String BINDING_NAME = "openchoreo.dev/binding-name";
  public static final String BINDING_REVISION = "openchoreo.dev/binding-revision";
  public static final String DEPLOYABLE_ARTIFACT = "openchoreo.dev/deployable-artifact";
  public static final String CHANGE_CAUSE = "openchoreo.dev/change-cause";

  /** Nothing known. */
  public static Provenance none() {
    return new Provenance(null, null, null, null, null, null);
  }

  /** From a Release's annotations; a revision that is not a number counts as absent. */
  public static Provenance fromAnnotations(Map<String, String> annotations) {
    return new Provenance(
        blankToNull(annotations.get(BINDING_KIND)),
        blankToNull(annotations.get(BINDING_NAME)),
        parseRevision(annotations.get(BINDING_REVISION)),
        ChangeCause.parse(annotations.get(CHANGE_CAUSE)).orElse(null),
        blankToNull(annotations.get(DEPLOYABLE_ARTIFACT)),
        null);
  }

  /** The same provenance with the artifact's digest. */
  public Provenance withArtifactDigest(String digest) {
    return new Provenance(bindingKind, bindingName, bindingRevision, changeCause, artifact, digest);
  }

  /** The same provenance with another change cause. */
  public Provenance withChangeCause(ChangeCause cause) {
    return new Provenance(
        bindingKind, bindingName, bindingRevision, cause, artifact, artifactDigest);
  }

  /** The binding revision, if known. */
  public Optional<Long> revision() {
    return Optional.ofNullable(bindingRevision);
  }

  static Long parseRevision(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
