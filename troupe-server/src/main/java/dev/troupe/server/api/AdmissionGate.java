package dev.troupe.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.admission.Admission;
import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.admission.AdmissionOptions;
import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.AdmittedObject;
import dev.troupe.api.admission.Identity;
import dev.troupe.api.admission.Problem;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.codec.Document;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.model.Resource;
import dev.troupe.engine.store.Store;
import dev.troupe.engine.view.StoreView;
import dev.troupe.server.auth.Authorizer;
import dev.troupe.server.auth.Principal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Every write of the API passes here: documents are admitted against the store (single-object or
 * batch mode) as the request's principal, and rejected admissions become problems.
 */
final class AdmissionGate {
  private final Store store;

  AdmissionGate(Store store) {
    this.store = store;
  }

  /** What admission accepted, with its warnings. */
  record Admitted(List<AdmittedObject> objects, List<Problem> warnings) {}

  /** The admission identity of a principal writing in {@code namespace}. */
  static Identity identity(Principal p, String namespace) {
    Identity.Kind kind =
        p.kind() == Principal.Kind.AUTOMATION ? Identity.Kind.Automation : Identity.Kind.User;
    return new Identity(
        p.name(),
        kind,
        false,
        new HashSet<>(Authorizer.rolesIn(p, namespace == null ? "" : namespace)));
  }

  AdmissionOptions options(AdmissionContext.Mode mode, String namespace, Principal principal) {
    return new AdmissionOptions(
        mode, namespace, identity(principal, namespace), new StoreView(store));
  }

  /**
   * Admits documents; throws the problem of the errors, if any.
   *
   * @param locate rewrites the source of each problem (documents that were cut out of a larger
   *     body, or built by the server)
   */
  Admitted admit(
      List<Document> docs,
      AdmissionContext.Mode mode,
      String namespace,
      Principal principal,
      UnaryOperator<Problem> locate) {
    AdmissionResult r = Admission.admit(docs, options(mode, namespace, principal));
    List<Problem> problems = r.problems().stream().map(locate).toList();
    List<Problem> errors = problems.stream().filter(Problem::isError).toList();
    if (!errors.isEmpty()) {
      throw ProblemDetails.ofAdmission(errors);
    }
    return new Admitted(r.objects(), problems.stream().filter(p -> !p.isError()).toList());
  }

  /** Admits one document in single-object mode. */
  Admitted admitOne(
      Document doc, String namespace, Principal principal, UnaryOperator<Problem> locate) {
    Admitted a = admit(List.of(doc), AdmissionContext.Mode.SINGLE, namespace, principal, locate);
    if (a.objects().size() != 1) {
      throw new IllegalStateException("admission accepted " + a.objects().size() + " objects");
    }
    return a;
  }

  /**
   * Checks that a stored object may be deleted (model.md §2.9): 409 ARTIFACT_IN_USE when something
   * still uses it. Returns the warnings.
   */
  List<Problem> checkDelete(KindDef def, ObjectNode stored, Principal principal) {
    Resource record = StoreView.decode(def, stored);
    String ns = def.clusterScoped() ? "" : record.namespace();
    List<Problem> problems =
        Admission.checkDelete(record, options(AdmissionContext.Mode.SINGLE, ns, principal));
    List<Problem> errors = problems.stream().filter(Problem::isError).toList();
    if (errors.stream().anyMatch(p -> p.rule() == Rule.InUse)) {
      ApiException base = ProblemDetails.ofAdmission(errors);
      throw new ApiException(409, "ARTIFACT_IN_USE", base.detail(), base.errors(), Map.of());
    }
    if (!errors.isEmpty()) {
      throw ProblemDetails.ofAdmission(errors);
    }
    return problems;
  }

  /** Keeps problems as they are. */
  static Problem asIs(Problem p) {
    return p;
  }

  /** Drops the source: the document was built by the server (a merge result). */
  static Problem withoutSource(Problem p) {
    return new Problem(
        p.severity(),
        p.rule(),
        p.kind(),
        p.apiVersion(),
        p.namespace(),
        p.name(),
        null,
        p.path(),
        p.message(),
        p.hint(),
        p.related());
  }

  /** The problem with another source. */
  static Problem withSource(Problem p, Problem.Source source) {
    return new Problem(
        p.severity(),
        p.rule(),
        p.kind(),
        p.apiVersion(),
        p.namespace(),
        p.name(),
        source,
        p.path(),
        p.message(),
        p.hint(),
        p.related());
  }
}
