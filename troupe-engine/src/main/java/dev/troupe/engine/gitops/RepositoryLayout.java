package dev.troupe.engine.gitops;

import dev.troupe.render.RenderedObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Paths inside a gitops repository (delivery.md §2.7 "Repository layout"):
 *
 * <pre>
 * &lt;path&gt;/&lt;org&gt;/&lt;environment&gt;/kustomization.yaml
 * &lt;path&gt;/&lt;org&gt;/&lt;environment&gt;/&lt;project&gt;/{kustomization.yaml, namespace.yaml}
 * &lt;path&gt;/&lt;org&gt;/&lt;environment&gt;/&lt;project&gt;/&lt;component&gt;/&lt;release&gt;/kustomization.yaml
 * &lt;path&gt;/&lt;org&gt;/&lt;environment&gt;/&lt;project&gt;/&lt;component&gt;/&lt;release&gt;/&lt;kind&gt;-&lt;name&gt;.yaml
 * </pre>
 */
public final class RepositoryLayout {
  /** The index file of the environment, project and Release directories. */
  public static final String KUSTOMIZATION = "kustomization.yaml";

  /** The cell Namespace file of a project directory. */
  public static final String NAMESPACE = "namespace.yaml";

  private static final Pattern SEGMENT = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
  private static final Pattern KIND = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
  private static final int MAX_SEGMENT = 253;

  private final String base;

  /** The layout under {@code basePath} (a {@link GitOpsTarget#path()}, may be empty). */
  public RepositoryLayout(String basePath) {
    this.base = basePath == null ? "" : basePath;
  }

  /** {@code <path>/<org>/<environment>}. */
  public String environmentDirectory(String organization, String environment) {
    return join(base, organization + "/" + environment);
  }

  /** {@code <path>/<org>/<environment>/<project>}: the cell directory. */
  public String projectDirectory(ReleaseRef ref) {
    return environmentDirectory(ref.organization(), ref.environment()) + "/" + ref.project();
  }

  /** {@code <path>/<org>/<environment>/<project>/<component>/<release-name>}. */
  public String releaseDirectory(ReleaseRef ref) {
    return projectDirectory(ref) + "/" + ref.component() + "/" + ref.name();
  }

  /**
   * The file name of each object, in the given order: {@code <kind>-<name>.yaml} with the
   * lower-cased kind; where two objects would share a name, both get the lower-cased API group
   * inserted, {@code <kind>.<group>-<name>.yaml} ({@code core} for the core group).
   *
   * @throws GitOpsException {@code INVALID_CONTENT} when a kind or name cannot be a file name, or
   *     two objects still collide
   */
  static List<String> fileNames(List<RenderedObject> objects) {
    List<String> plain = new ArrayList<>();
    Map<String, Integer> counts = new HashMap<>();
    for (RenderedObject o : objects) {
      String name = kind(o) + "-" + name(o) + ".yaml";
      plain.add(name);
      counts.merge(name, 1, Integer::sum);
    }
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < objects.size(); i++) {
      String file = plain.get(i);
      if (counts.get(file) > 1) {
        RenderedObject o = objects.get(i);
        file = kind(o) + "." + group(o) + "-" + name(o) + ".yaml";
      }
      if (!seen.add(file) || file.equals(KUSTOMIZATION) || file.equals(NAMESPACE)) {
        throw GitOpsException.invalid(
            "two objects of the Release map to the file "
                + file
                + " (resource "
                + id(objects, i)
                + ")");
      }
      out.add(file);
    }
    return out;
  }

  /** Rejects a path segment that is not a lower-case DNS name. */
  static void checkSegment(String what, String value) {
    if (value == null || value.length() > MAX_SEGMENT || !SEGMENT.matcher(value).matches()) {
      throw GitOpsException.invalid(
          "invalid " + what + " \"" + value + "\": must be a lower-case DNS name");
    }
  }

  /** The API group of an object, lower-cased; {@code core} for {@code v1}. */
  static String group(RenderedObject o) {
    String apiVersion = o.object().path("apiVersion").asText();
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "core" : apiVersion.substring(0, slash).toLowerCase(Locale.ROOT);
  }

  private static String kind(RenderedObject o) {
    String kind = o.kind();
    if (!KIND.matcher(kind).matches()) {
      throw GitOpsException.invalid("resource " + o.id() + ": invalid kind \"" + kind + "\"");
    }
    return kind.toLowerCase(Locale.ROOT);
  }

  private static String name(RenderedObject o) {
    String name = o.name();
    if (name.length() > MAX_SEGMENT || !SEGMENT.matcher(name).matches()) {
      throw GitOpsException.invalid(
          "resource " + o.id() + ": invalid metadata.name \"" + name + "\"");
    }
    return name;
  }

  private static String id(List<RenderedObject> objects, int i) {
    return objects.get(i).id();
  }

  static String join(String dir, String child) {
    return dir.isEmpty() ? child : dir + "/" + child;
  }
}
