package dev.troupe.cli.client;

/**
 * A request the server refused or could not be sent: carries the RFC 9457 problem (status, code,
 * detail and field errors). The message never contains the token.
 */
public final class ApiException extends RuntimeException {
  /** Code used when the server could not be reached at all (status 0). */
  public static final String UNREACHABLE = "UNREACHABLE";

  private final ApiProblem problem;

  public ApiException(ApiProblem problem) {
    super(message(problem));
    this.problem = problem;
  }

  private ApiException(ApiProblem problem, Throwable cause) {
    super(message(problem), cause);
    this.problem = problem;
  }

  /** The server at {@code server} could not be reached or the connection broke. */
  public static ApiException unreachable(String server, Throwable cause) {
    String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new ApiException(
        new ApiProblem(
            null,
            "Server unreachable",
            0,
            "cannot reach the Troupe server at " + server + ": " + why,
            UNREACHABLE,
            java.util.List.of()),
        cause);
  }

  public ApiProblem problem() {
    return problem;
  }

  public int status() {
    return problem.status();
  }

  public String code() {
    return problem.code();
  }

  /** True for this HTTP status and problem code. */
  public boolean is(int status, String code) {
    return problem.status() == status && code.equals(problem.code());
  }

  private static String message(ApiProblem p) {
    StringBuilder b = new StringBuilder();
    if (p.status() > 0) {
      b.append(p.status()).append(' ');
    }
    b.append(p.code() == null || p.code().isEmpty() ? "ERROR" : p.code());
    String detail = p.detail() == null || p.detail().isEmpty() ? p.title() : p.detail();
    if (detail != null && !detail.isEmpty()) {
      b.append(": ").append(detail);
    }
    return b.toString();
  }
}
