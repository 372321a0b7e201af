package dev.troupe.render.config;

import dev.troupe.api.names.K8sNames;
import dev.troupe.render.Trees;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The names of configuration objects, volumes, variables and files (rendering.md §1.3, §2.5, §7.2,
 * §7.3).
 */
public final class ConfigNames {
  private static final int LIMIT = K8sNames.DNS_LABEL_MAX;

  /**
   * Names that depend on a group, secret or mount path alone, not on the binding: every binding
   * that mounts the group asks again. Pure functions, so safe to share; bounded like {@code Cell}'s
   * namespaces, since a long-running server sees new names forever.
   */
  private static final Map<String, String> SHARED = new ConcurrentHashMap<>();

  private ConfigNames() {}

  private static String shared(String key, Supplier<String> compute) {
    String name = SHARED.get(key);
    if (name == null) {
      if (SHARED.size() > 100_000) {
        SHARED.clear();
      }
      name = compute.get();
      SHARED.put(key, name);
    }
    return name;
  }

  /** {@code N = gen(63, b, G)}: the ConfigMap, ExternalSecret, SecretProviderClass and Secret. */
  public static String groupObject(String binding, String group) {
    return K8sNames.generateWithLengthLimit(LIMIT, binding, group);
  }

  /** The id of a group's ConfigMap: {@code gen(63, b, G, "config")}. */
  public static String configId(String binding, String group) {
    return K8sNames.generateWithLengthLimit(LIMIT, binding, group, "config");
  }

  /** The id of a group's ExternalSecret or SecretProviderClass: {@code gen(63, b, G, "secret")}. */
  public static String secretId(String binding, String group) {
    return K8sNames.generateWithLengthLimit(LIMIT, binding, group, "secret");
  }

  /** The ConfigMap of a literal file mount: {@code gen(63, b, "filemount-" + sha8(M))}. */
  public static String fileMountConfigMap(String binding, String mountPath) {
    return K8sNames.generateWithLengthLimit(LIMIT, binding, fileMountVolume(mountPath));
  }

  /** The volume of a literal file mount: {@code filemount-<sha8(M)>}. */
  public static String fileMountVolume(String mountPath) {
    return shared("f\u0000" + mountPath, () -> "filemount-" + Trees.sha8(mountPath));
  }

  /**
   * A group volume {@code gen(63, G, kind)} ({@code cm}, {@code secret}, {@code csi}, {@code
   * csi-env}), '.' → '-'.
   */
  public static String groupVolume(String group, String kind) {
    return shared(
        "g\u0000" + group + "\u0000" + kind,
        () -> volume(K8sNames.generateWithLengthLimit(LIMIT, group, kind)));
  }

  /** The volume of a data-plane Secret: {@code gen(63, "secretref", S)}, '.' → '-'. */
  public static String secretRefVolume(String secret) {
    return shared(
        "s\u0000" + secret,
        () -> volume(K8sNames.generateWithLengthLimit(LIMIT, "secretref", secret)));
  }

  private static String volume(String generated) {
    return generated.replace('.', '-');
  }

  /**
   * {@code envName(k)}: every character outside {@code [A-Za-z0-9_]} becomes {@code _}, then
   * upper-case, then a leading digit gets a {@code _} prefix.
   */
  public static String envName(String key) {
    StringBuilder b = new StringBuilder();
    key.codePoints().forEach(cp -> b.append(isAsciiAlnum(cp) || cp == '_' ? (char) cp : '_'));
    String upper = b.toString().toUpperCase(Locale.ROOT);
    return !upper.isEmpty() && Character.isDigit(upper.charAt(0)) ? "_" + upper : upper;
  }

  /**
   * {@code fileName(k)}: every character outside {@code [A-Za-z0-9._-]} becomes {@code _}; a result
   * of {@code .} or {@code ..} becomes {@code _}.
   */
  public static String fileName(String key) {
    StringBuilder b = new StringBuilder();
    key.codePoints()
        .forEach(
            cp ->
                b.append(
                    isAsciiAlnum(cp) || cp == '.' || cp == '_' || cp == '-' ? (char) cp : '_'));
    String name = b.toString();
    return name.equals(".") || name.equals("..") ? "_" : name;
  }

  /** Lexical path clean-up as Go's {@code path.Clean}. */
  public static String cleanPath(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    boolean rooted = path.startsWith("/");
    Deque<String> out = new ArrayDeque<>();
    for (String segment : path.split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        if (!out.isEmpty() && !out.peekLast().equals("..")) {
          out.removeLast();
        } else if (!rooted) {
          out.addLast("..");
        }
        continue;
      }
      out.addLast(segment);
    }
    String joined = String.join("/", out);
    if (rooted) {
      return "/" + joined;
    }
    return joined.isEmpty() ? "." : joined;
  }

  private static boolean isAsciiAlnum(int cp) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  }
}
