package dev.troupe.api.admission;

import dev.troupe.api.codec.Document;
import dev.troupe.api.model.Resource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Admits documents as one atomic batch (model.md §2.14, §4.2): per-document stages, then the
 * objects in kind order against the store plus the objects earlier in the batch. Never throws for
 * bad input: every finding is a {@link Problem}.
 */
public final class Admission {
  private static final Comparator<Problem> ORDER =
      Comparator.comparing((Problem p) -> p.source() == null ? "" : p.source().file())
          .thenComparingInt(p -> p.source() == null ? 0 : p.source().document())
          .thenComparingInt(p -> p.source() == null ? 0 : p.source().line())
          .thenComparingInt(p -> p.source() == null ? 0 : p.source().column())
          .thenComparing(Problem::path);

  private Admission() {}

  /** Admits {@code documents} (in file order) as one batch. */
  public static AdmissionResult admit(List<Document> documents, AdmissionOptions options) {
    List<Envelope.Candidate> candidates = new ArrayList<>();
    for (Document d : documents) {
      candidates.add(Envelope.admit(d, options.defaultNamespace()));
    }
    BatchContext batch = new BatchContext(options);
    rejectDuplicates(candidates, batch);
    List<Envelope.Candidate> ordered = new ArrayList<>(candidates);
    ordered.sort(
        Comparator.comparingInt(
            c -> c.def() == null ? Integer.MAX_VALUE : c.def().admissionOrder()));
    List<AdmittedObject> admitted = new ArrayList<>();
    for (Envelope.Candidate c : ordered) {
      if (c.def() == null || c.tree() == null || c.problems().hasErrors()) {
        continue;
      }
      ObjectRules.admit(c, batch, options).ifPresent(admitted::add);
    }
    List<Problem> problems = new ArrayList<>();
    candidates.forEach(c -> problems.addAll(c.problems().all()));
    problems.sort(ORDER);
    boolean ok = problems.stream().noneMatch(Problem::isError);
    return new AdmissionResult(ok ? admitted : List.of(), problems);
  }

  /** Checks the deletion of a stored object (model.md §2.9: deletes are blocked only by InUse). */
  public static List<Problem> checkDelete(Resource stored, AdmissionOptions options) {
    return ObjectRules.checkDelete(stored, options);
  }

  private static void rejectDuplicates(List<Envelope.Candidate> candidates, BatchContext batch) {
    Map<String, Envelope.Candidate> first = new HashMap<>();
    for (Envelope.Candidate c : candidates) {
      if (c.def() == null || c.name().isEmpty() || c.name().endsWith("*")) {
        continue;
      }
      String key = BatchContext.key(c.def().kind(), c.namespace(), c.name());
      batch.declare(c.def().kind(), c.namespace(), c.name());
      Envelope.Candidate previous = first.putIfAbsent(key, c);
      if (previous != null) {
        c.problems()
            .error(
                Rule.Duplicate,
                "metadata.name",
                "duplicate object "
                    + c.def().kind()
                    + " \""
                    + c.name()
                    + "\" (also at "
                    + previous.document().file()
                    + ":"
                    + previous.document().positions().locate("metadata.name").line()
                    + ")");
      }
    }
  }
}
