package dev.troupe.api.kinds.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A pod container of a Workload, keyed by its name in {@code containers} (model.md §3.9). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Container(
    String image,
    List<String> command,
    List<String> args,
    List<EnvVar> env,
    List<EnvFromSource> envFrom,
    List<FileMount> fileMounts,
    List<FileMountFrom> fileMountsFrom) {

  public Container {
    command = copy(command);
    args = copy(args);
    env = copy(env);
    envFrom = copy(envFrom);
    fileMounts = copy(fileMounts);
    fileMountsFrom = copy(fileMountsFrom);
  }

  /** A container with only an image. */
  public static Container ofImage(String image) {
    return new Container(image, null, null, null, null, null, null);
  }

  /** The same container with another image (what a Build writes into the main container). */
  public Container withImage(String newImage) {
    return new Container(newImage, command, args, env, envFrom, fileMounts, fileMountsFrom);
  }

  public List<EnvVar> envOrEmpty() {
    return env == null ? List.of() : env;
  }

  public List<EnvFromSource> envFromOrEmpty() {
    return envFrom == null ? List.of() : envFrom;
  }

  public List<FileMount> fileMountsOrEmpty() {
    return fileMounts == null ? List.of() : fileMounts;
  }

  public List<FileMountFrom> fileMountsFromOrEmpty() {
    return fileMountsFrom == null ? List.of() : fileMountsFrom;
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? null : List.copyOf(list);
  }
}
