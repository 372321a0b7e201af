package dev.troupe.api.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.admission.Admission;
import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.admission.AdmissionOptions;
import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.Identity;
import dev.troupe.api.admission.InMemoryView;
import dev.troupe.api.admission.ObjectView;
import dev.troupe.api.admission.Problem;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.codec.DocumentReader;
import dev.troupe.api.kinds.platform.Organization;
import dev.troupe.api.model.ObjectMeta;
import dev.troupe.api.model.Resource;
import java.util.ArrayList;
import java.util.List;

/**
 * Test fixture: admits YAML text as a batch (or a single-object write) against a store holding the
 * Organization {@code default} plus any extra objects, and finds problems by rule and path.
 */
public final class TestAdmission {
  private final List<Resource> stored = new ArrayList<>();
  private AdmissionContext.Mode mode = AdmissionContext.Mode.BATCH;
  private Identity identity = Identity.localUser();

  private TestAdmission() {
    stored.add(organization("default"));
  }

  public static TestAdmission create() {
    return new TestAdmission();
  }

  public static Organization organization(String name) {
    return new Organization(
        Resource.API_VERSION,
        "Organization",
        new ObjectMeta(
            name, null, null, "uid-" + name, "1", 1L, null, null, null, null, null, null),
        new Organization.Spec(new Organization.StarterKit(true)),
        null);
  }

  /** Adds objects to the store (admitting them with a platform identity first). */
  public TestAdmission stored(String yaml) {
    AdmissionResult r =
        Admission.admit(
            DocumentReader.readYaml("stored.yaml", yaml),
            new AdmissionOptions(
                AdmissionContext.Mode.BATCH, "default", Identity.platformController(), view()));
    assertThat(r.errors()).as("stored objects must be valid").isEmpty();
    r.objects().forEach(o -> stored.add(o.resource()));
    return this;
  }

  public TestAdmission stored(Resource r) {
    stored.add(r);
    return this;
  }

  public TestAdmission single() {
    mode = AdmissionContext.Mode.SINGLE;
    return this;
  }

  public TestAdmission as(Identity who) {
    identity = who;
    return this;
  }

  public ObjectView view() {
    return new InMemoryView(stored);
  }

  public AdmissionResult admit(String yaml) {
    return Admission.admit(
        DocumentReader.readYaml("test.yaml", yaml),
        new AdmissionOptions(mode, "default", identity, view()));
  }

  /** The one problem with this rule and path; fails listing all problems otherwise. */
  public static Problem problem(AdmissionResult result, Rule rule, String path) {
    List<Problem> matches =
        result.problems().stream().filter(p -> p.rule() == rule && p.path().equals(path)).toList();
    assertThat(matches).as("problem %s at %s among:%n%s", rule, path, text(result)).hasSize(1);
    return matches.get(0);
  }

  public static String text(AdmissionResult result) {
    StringBuilder b = new StringBuilder();
    result.problems().forEach(p -> b.append(p.toText()).append('\n'));
    return b.toString();
  }

  /** Asserts the batch was accepted without errors. */
  public static AdmissionResult assertAccepted(AdmissionResult result) {
    assertThat(result.errors()).as("errors:%n%s", text(result)).isEmpty();
    return result;
  }
}
