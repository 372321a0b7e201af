package dev.troupe.engine.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.codec.Document;
import dev.troupe.api.codec.DocumentReader;
import dev.troupe.engine.audit.AuditRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The promotion ledger (docs/gitops.md "Promotion story in Git"): one YAML file per Promotion,
 * {@code promotions/<org>/<project>/<component>/<promotion>.yaml} at the root of the repository,
 * holding the promotion's audit trail (request, decisions, phase, artifact; never a secret), and
 * one commit per audit record, e.g. {@code promotion.approved: orders staging → production by
 * bob@example.com (User): "LGTM"}.
 *
 * <p>The file is not a Kubernetes object (no {@code apiVersion} or {@code kind}) and lies outside
 * every {@code <path>/<org>/<environment>} directory that a GitOps tool is pointed at; the indexes
 * list only Release directories, so no {@code kustomization.yaml} names it. When the manifests of
 * the repository would share its first directory (an organization, or a base path, named {@code
 * promotions}), the ledger moves to {@code .promotions/} instead.
 */
public final class PromotionLedgerFile {
  /** The ledger's directory at the root of the repository. */
  public static final String ROOT = "promotions";

  /** The ledger's directory when {@link #ROOT} is taken by the manifests. */
  public static final String FALLBACK_ROOT = ".promotions";

  private static final String HEADER =
      "# Troupe promotion ledger: the audit records of one Promotion, oldest first"
          + " (docs/gitops.md).\n"
          + "# Written by the platform; not a Kubernetes object, and no kustomization lists it.\n";

  private static final int MAX_SUBJECT_COMMENT = 200;

  private PromotionLedgerFile() {}

  /**
   * The repository path of the ledger file of the trail's promotion.
   *
   * @throws GitOpsException {@code INVALID_CONTENT} when a name cannot be a path segment
   */
  public static String path(GitOpsTarget target, AuditRecord record) {
    String org = record.organization();
    String project = record.project();
    String component = record.component();
    String promotion = promotion(record);
    RepositoryLayout.checkSegment("organization", org);
    RepositoryLayout.checkSegment("project", project);
    RepositoryLayout.checkSegment("component", component);
    RepositoryLayout.checkSegment("promotion", promotion);
    String first = target.path().isEmpty() ? org : target.path().split("/", 2)[0];
    String root = first.equals(ROOT) ? FALLBACK_ROOT : ROOT;
    return root + "/" + org + "/" + project + "/" + component + "/" + promotion + ".yaml";
  }

  /**
   * Brings the ledger file of the trail's promotion up to {@code trail}: one commit for each record
   * the file does not hold yet, each with the file as it stood after that record; nothing when it
   * holds them all (or more).
   *
   * @return the commits made, oldest first
   */
  public static List<String> sync(GitOpsApplier applier, List<AuditRecord> trail) {
    if (trail.isEmpty()) {
      return List.of();
    }
    String path = path(applier.target(), trail.getFirst());
    int have = applier.readFile(path).map(PromotionLedgerFile::entries).orElse(0);
    List<String> commits = new ArrayList<>();
    for (int n = have + 1; n <= trail.size(); n++) {
      List<AuditRecord> prefix = trail.subList(0, n);
      applier.commitFile(path, content(prefix), message(prefix)).ifPresent(commits::add);
    }
    return commits;
  }

  /** The file after the last record of {@code trail}. */
  public static byte[] content(List<AuditRecord> trail) {
    AuditRecord last = trail.getLast();
    JsonNode details = details(last);
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("promotion", promotion(last));
    o.put("organization", last.organization());
    put(o, "project", last.project());
    put(o, "component", last.component());
    copy(details, o, "sourceEnvironment");
    copy(details, o, "targetEnvironment");
    copy(details, o, "sourceRevision");
    copy(details, o, "artifact");
    o.put("phase", last.outcome());
    copy(details, o, "targetRevision");
    ArrayNode records = o.putArray("records");
    for (AuditRecord r : trail) {
      ObjectNode e = records.addObject();
      e.put("action", r.action());
      e.put("time", r.time().toString());
      e.putObject("actor")
          .put("user", r.actor().user())
          .put("identityKind", r.actor().identityKind());
      e.put("outcome", r.outcome());
      put(e, "comment", r.comment());
    }
    return (HEADER + Codec.toYaml(o)).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The commit message of the last record of {@code trail}: {@code <action>: <component> <source> →
   * <target> by <user> (<kind>)[: "<comment>"]}, then trailers naming the organization, project,
   * promotion, phase, artifact and revisions.
   */
  public static String message(List<AuditRecord> trail) {
    AuditRecord r = trail.getLast();
    JsonNode d = details(r);
    StringBuilder subject =
        new StringBuilder(r.action())
            .append(": ")
            .append(r.component())
            .append(' ')
            .append(d.path("sourceEnvironment").asText("?"))
            .append(" → ")
            .append(d.path("targetEnvironment").asText(r.environment()))
            .append(" by ")
            .append(r.actor().user())
            .append(" (")
            .append(r.actor().identityKind())
            .append(')');
    if (r.comment() != null && !r.comment().isBlank()) {
      subject.append(": \"").append(shorten(oneLine(r.comment()))).append('"');
    }
    StringBuilder b = new StringBuilder(oneLine(subject.toString())).append("\n\n");
    b.append("Organization: ").append(oneLine(r.organization())).append('\n');
    if (r.project() != null) {
      b.append("Project: ").append(oneLine(r.project())).append('\n');
    }
    b.append("Promotion: ").append(oneLine(promotion(r))).append('\n');
    b.append("Phase: ").append(oneLine(r.outcome())).append('\n');
    JsonNode artifact = d.path("artifact");
    if (artifact.hasNonNull("name")) {
      b.append("Deployable-Artifact: ").append(oneLine(artifact.path("name").asText()));
      if (artifact.hasNonNull("digest")) {
        b.append(' ').append(oneLine(artifact.path("digest").asText()));
      }
      b.append('\n');
    }
    if (d.hasNonNull("sourceRevision")) {
      b.append("Source-Revision: ").append(d.path("sourceRevision").asText()).append('\n');
    }
    if (d.hasNonNull("targetRevision")) {
      b.append("Target-Revision: ").append(d.path("targetRevision").asText()).append('\n');
    }
    return b.toString();
  }

  /** The number of records a ledger file holds; 0 when it cannot be read. */
  static int entries(byte[] file) {
    List<Document> docs =
        DocumentReader.readYaml("ledger", new String(file, StandardCharsets.UTF_8));
    if (docs.size() != 1 || !docs.getFirst().parsed()) {
      return 0;
    }
    JsonNode records = docs.getFirst().tree().path("records");
    return records.isArray() ? records.size() : 0;
  }

  /** The promotion's name: {@code details.promotion}, else the name in {@code Promotion/<name>}. */
  static String promotion(AuditRecord r) {
    JsonNode name = details(r).path("promotion");
    if (name.isTextual()) {
      return name.asText();
    }
    String target = r.target() == null ? "" : r.target();
    return target.startsWith("Promotion/") ? target.substring("Promotion/".length()) : target;
  }

  private static JsonNode details(AuditRecord r) {
    return r.details() == null ? JsonNodeFactory.instance.objectNode() : r.details();
  }

  private static void copy(JsonNode from, ObjectNode to, String field) {
    JsonNode v = from.get(field);
    if (v != null && !v.isNull()) {
      to.set(field, v.deepCopy());
    }
  }

  private static void put(ObjectNode o, String field, String value) {
    if (value != null) {
      o.put(field, value);
    }
  }

  private static String shorten(String s) {
    return s.length() <= MAX_SUBJECT_COMMENT ? s : s.substring(0, MAX_SUBJECT_COMMENT - 1) + "…";
  }

  private static String oneLine(String s) {
    return s.replace('\r', ' ').replace('\n', ' ');
  }
}
