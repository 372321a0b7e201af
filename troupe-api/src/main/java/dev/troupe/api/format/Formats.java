package dev.troupe.api.format;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The string formats of the resource model (model.md §0.1, §2.12) and helpers derived from them.
 * Every reason a format returns is safe to show: it never contains the checked value.
 */
public final class Formats {

  // Names (§0.1). Admission reports these as InvalidName.

  /** DNS label: 1–63 characters, {@code ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$}. */
  public static final Format DNS_LABEL = RuleFormat.ofName("DNS label", DnsNames::checkLabel);

  /** DNS subdomain: 1–253 characters, DNS labels joined by ".". */
  public static final Format DNS_SUBDOMAIN =
      RuleFormat.ofName("DNS subdomain", DnsNames::checkSubdomain);

  // Keys and label syntax (§0.1, §2.4).

  /** Environment variable name: {@code ^[-._a-zA-Z][-._a-zA-Z0-9]*$}, 1–253 characters. */
  public static final Format ENV_VAR_NAME =
      RuleFormat.of("environment variable name", KeyNames::checkEnvVarName);

  /** ConfigMap data key: {@code ^[-._a-zA-Z0-9]+$}, 1–253 characters, not "." or "..…". */
  public static final Format CONFIG_KEY =
      RuleFormat.of("configuration key", KeyNames::checkConfigKey);

  /** Label value: 0–63 characters, {@code ^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$}. */
  public static final Format LABEL_VALUE = RuleFormat.of("label value", KeyNames::checkLabelValue);

  /** Label key: an optional DNS subdomain prefix and "/", then a name of at most 63 characters. */
  public static final Format LABEL_KEY = RuleFormat.of("label key", KeyNames::checkLabelKey);

  /** Qualified name such as a finalizer: {@code <dns-subdomain>/<name>}, the prefix required. */
  public static final Format QUALIFIED_NAME =
      RuleFormat.of("qualified name", KeyNames::checkQualifiedName);

  /** Template parameter name: {@code ^[a-z][a-z0-9-]{0,62}$}. */
  public static final Format TEMPLATE_PARAM_NAME =
      RuleFormat.of("parameter name", KeyNames::checkTemplateParamName);

  // Hosts and addresses (§0.1, §2.12.11, §3.17).

  /** Hostname: a lower-case DNS subdomain; IP literals and wildcards are rejected. */
  public static final Format HOSTNAME = RuleFormat.of("hostname", Hostnames::checkHostname);

  /** Hostname optionally starting with one {@code *.} label; an IP literal belongs in a CIDR. */
  public static final Format WILDCARD_HOSTNAME =
      RuleFormat.of("hostname", Hostnames::checkWildcardHostname);

  /** IPv4 or IPv6 CIDR, or a bare address (stored normalized, see {@link #normalizeCidr}). */
  public static final Format CIDR = RuleFormat.of("CIDR", IpAddresses::checkAddressOrCidr);

  /** IPv4 or IPv6 address, or CIDR range. */
  public static final Format IP_OR_CIDR =
      RuleFormat.of("IP address or CIDR", IpAddresses::checkAddressOrCidr);

  // Time (§2.12.12).

  /** Duration {@code ^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$}, e.g. {@code 30s}, {@code 1h30m}. */
  public static final Format DURATION = RuleFormat.of("duration", Durations::check);

  /** Five-field cron schedule or a descriptor such as {@code @daily}; no {@code TZ=} prefix. */
  public static final Format CRON = RuleFormat.of("cron schedule", CronSchedule::check);

  /** IANA time zone name such as {@code Europe/Berlin}; offsets are rejected. */
  public static final Format TIME_ZONE = RuleFormat.of("time zone", TimeZones::check);

  // Images (§2.12.12, §3.2, §3.24).

  /** OCI image reference in the distribution-reference grammar, at most 4096 characters. */
  public static final Format OCI_IMAGE =
      RuleFormat.of("image reference", ImageReferences::checkImage);

  /** Registry prefix {@code host[:port][/path]} without scheme or trailing "/". */
  public static final Format REGISTRY_PREFIX =
      RuleFormat.of("registry prefix", ImageReferences::checkRegistryPrefix);

  /** Content digest {@code sha256:<64 lower-case hex digits>}. */
  public static final Format SHA256_DIGEST =
      RuleFormat.of("sha256 digest", ImageReferences::checkDigest);

  // Git (§2.12.12, §3.2, §3.25).

  /**
   * Git URL: {@code https://host/path}, {@code http://host/path} (embedded platform only, see
   * {@link #isEmbeddedOnlyGitUrl}), {@code ssh://git@host/path} or {@code git@host:path}; never
   * with credentials.
   */
  public static final Format GIT_URL = RuleFormat.of("Git URL", v -> GitUrls.check(v, false));

  /** {@link #GIT_URL} or {@code file:///abs/path} (embedded platform only). */
  public static final Format GIT_URL_WITH_FILE =
      RuleFormat.of("Git URL", v -> GitUrls.check(v, true));

  /** Git branch name per Git's ref-name rules. */
  public static final Format GIT_BRANCH = RuleFormat.of("Git branch", GitRefs::checkBranch);

  /** Git commit id: {@code ^[0-9a-f]{7,40}$}. */
  public static final Format GIT_COMMIT = RuleFormat.of("Git commit", GitRefs::checkCommit);

  // Paths (§2.12.4, §2.12.12, §3.2, §3.10, §3.25).

  /** Repository path ({@code appPath}): relative, {@code [A-Za-z0-9._/-]}, no ".." segment. */
  public static final Format REPO_PATH = RuleFormat.of("repository path", Paths::checkRepoPath);

  /** GitOps base directory: relative, may be empty, no ".." or ".git" segment. */
  public static final Format GITOPS_PATH = RuleFormat.of("repository path", Paths::checkGitOpsPath);

  /** File of a GitCommitRequest: relative, normalized, no ".." segment, not under ".git/". */
  public static final Format REPO_FILE_PATH =
      RuleFormat.of("repository path", Paths::checkRepoFilePath);

  /** Mount path: absolute, no ".." segment. */
  public static final Format ABSOLUTE_PATH =
      RuleFormat.of("absolute path", Paths::checkAbsolutePath);

  /** API base path: empty or starting with "/", no whitespace, no ".." segment, ≤1024. */
  public static final Format BASE_PATH = RuleFormat.of("base path", Paths::checkBasePath);

  // Web (§2.12.8, §2.12.9, §3.17).

  /** Absolute {@code https://} URL with a host and no user information. */
  public static final Format HTTPS_URL = RuleFormat.of("HTTPS URL", Urls::checkHttpsUrl);

  /** Absolute {@code http://} or {@code https://} URL with a host and no user information. */
  public static final Format HTTP_URL = RuleFormat.of("URL", Urls::checkHttpUrl);

  /** E-mail address: exactly one "@" with non-empty parts, no whitespace. */
  public static final Format EMAIL = RuleFormat.of("email address", Emails::check);

  /** RFC 7230 token, e.g. a header name; a lone {@code *} is rejected. */
  public static final Format HTTP_TOKEN =
      RuleFormat.of("HTTP token", v -> HttpTokens.check(v, false));

  /** RFC 7230 token or the wildcard {@code *}. */
  public static final Format HTTP_TOKEN_OR_STAR =
      RuleFormat.of("HTTP token", v -> HttpTokens.check(v, true));

  /** CORS origin: {@code *} or {@code scheme://host[:port]}, the host may start with {@code *.}. */
  public static final Format CORS_ORIGIN = RuleFormat.of("CORS origin", Urls::checkCorsOrigin);

  // Secret-adjacent material (§2.12.8, §3.6). Reasons are fixed text.

  /** Standard base64 of one or more PEM {@code CERTIFICATE} blocks (a CA bundle). */
  public static final Format BASE64_PEM_CERTS =
      RuleFormat.of(
          "base64-encoded PEM certificate bundle",
          v -> PemData.check(v, PemData.Expect.CERTIFICATES));

  /** Standard base64 of a PEM certificate (chain): at least one {@code CERTIFICATE} block. */
  public static final Format BASE64_PEM_CERT =
      RuleFormat.of(
          "base64-encoded PEM certificate", v -> PemData.check(v, PemData.Expect.CERTIFICATES));

  /**
   * Standard base64 of a PEM {@code PRIVATE KEY}, {@code RSA PRIVATE KEY} or {@code EC PRIVATE KEY}
   * block.
   */
  public static final Format BASE64_PEM_PRIVATE_KEY =
      RuleFormat.of(
          "base64-encoded PEM private key", v -> PemData.check(v, PemData.Expect.PRIVATE_KEY));

  /**
   * Secret store key {@code <path>[#<property>]}: path non-empty, no whitespace, no leading "/".
   */
  public static final Format VAULT_KEY = RuleFormat.of("vault key", VaultKeys::check);

  // Free text.

  /** Single-line text: no control characters, newlines included. */
  public static final Format NO_CONTROL_CHARS =
      RuleFormat.of(
          "single-line text",
          v ->
              Chars.hasControl(v)
                  ? Optional.of("must not contain control characters (newlines included)")
                  : Optional.empty());

  private Formats() {}

  /**
   * Suggests a valid name for an invalid one (model.md §4.1): the value lower-cased, every invalid
   * character replaced by "-", leading and trailing "-" removed.
   *
   * @param value the rejected name
   * @param nameFormat {@link #DNS_LABEL} or {@link #DNS_SUBDOMAIN}
   * @return the suggestion, present only when it is valid for {@code nameFormat}
   * @throws IllegalArgumentException if {@code nameFormat} is not a name format
   */
  public static Optional<String> suggestName(String value, Format nameFormat) {
    Objects.requireNonNull(value, "value");
    if (nameFormat != DNS_LABEL && nameFormat != DNS_SUBDOMAIN) {
      throw new IllegalArgumentException("not a name format: " + nameFormat.name());
    }
    return DnsNames.suggest(value, nameFormat == DNS_SUBDOMAIN, nameFormat);
  }

  /**
   * Normalizes a valid {@link #CIDR} value: a bare IPv4 address gets {@code /32}, a bare IPv6
   * address {@code /128}; a CIDR is returned unchanged.
   *
   * @throws IllegalArgumentException if the value is not a valid CIDR or address
   */
  public static String normalizeCidr(String value) {
    return IpAddresses.normalize(Objects.requireNonNull(value, "value"));
  }

  /**
   * Parses a valid {@link #DURATION}; fractions below a nanosecond are truncated.
   *
   * @throws IllegalArgumentException if the value is not a valid duration
   */
  public static Duration parseDuration(String value) {
    return Durations.parse(Objects.requireNonNull(value, "value"));
  }

  /**
   * True for Git URLs only the embedded platform may use: {@code http://} and {@code file://}.
   * Admission warns about or forbids them elsewhere.
   */
  public static boolean isEmbeddedOnlyGitUrl(String value) {
    return GitUrls.isEmbeddedOnly(Objects.requireNonNull(value, "value"));
  }
}
