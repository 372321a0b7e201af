package dev.troupe.cli.delivery;

/**
 * What to do next after the server refused a delivery verb, by problem code: the server's detail
 * says what is wrong, the hint names the command that helps.
 */
final class Hints {
  static final String COMPONENT_NOT_FOUND = "COMPONENT_NOT_FOUND";

  private Hints() {}

  /** The hint for a problem code in organization {@code org}; null when there is none. */
  static String of(String code, String org) {
    String n = "default".equals(org) ? "" : " -n " + org;
    return switch (code == null ? "" : code) {
      case COMPONENT_NOT_FOUND -> "list the components with: troupe get components" + n;
      case "PROMOTION_NOT_FOUND" -> "list the promotions with: troupe get promotions" + n;
      case "PROMOTION_NOT_PENDING" ->
          "only Pending promotions can be decided; see them with: troupe get promotions --pending"
              + n;
      case "PROMOTION_IN_PROGRESS" ->
          "decide or withdraw that promotion first (troupe get promotions --pending" + n + ")";
      case "APPROVAL_NOT_ALLOWED" ->
          "another identity that may approve in the target environment must decide";
      case "BINDING_NOT_FOUND" ->
          "the component is not deployed there; see its environments with: troupe status"
              + " COMPONENT"
              + n;
      case "REVISION_NOT_FOUND", "ALREADY_AT_REVISION" ->
          "see the revisions with: troupe history COMPONENT -e ENV" + n;
      case "SOURCE_NOT_READY" ->
          "wait until the source is ready (troupe status COMPONENT) or pass --allow-unready";
      default -> null;
    };
  }
}
