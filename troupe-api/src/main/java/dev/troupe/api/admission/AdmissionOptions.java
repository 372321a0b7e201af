package dev.troupe.api.admission;

/**
 * How a set of documents is admitted.
 *
 * @param mode batch (CLI files, batch API) or single-object write (generic API)
 * @param defaultNamespace written into namespaced objects that omit {@code metadata.namespace}
 * @param identity who writes
 * @param store the stored objects admission checks against (already admitted, typed)
 */
public record AdmissionOptions(
    AdmissionContext.Mode mode, String defaultNamespace, Identity identity, ObjectView store) {

  /** Offline batch admission of local files by a local user. */
  public static AdmissionOptions offline(String defaultNamespace, ObjectView store) {
    return new AdmissionOptions(
        AdmissionContext.Mode.BATCH, defaultNamespace, Identity.localUser(), store);
  }
}
