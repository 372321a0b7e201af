package dev.troupe.api.admission;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.model.Resource;
import dev.troupe.api.schema.Reporter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a kind's semantic rules see while one object is admitted: the write (operation, mode,
 * identity, the stored version), the objects of its namespace (stored ones plus those earlier in
 * the batch), and a reporter addressing problems by field path.
 */
public interface AdmissionContext {

  /** The kind of write. */
  enum Operation {
    CREATE,
    UPDATE,
    DELETE
  }

  /**
   * {@code BATCH}: Troupe's own apply path, validate and render (a missing Batch-class reference is
   * an error); {@code SINGLE}: one object through the generic API (it is a warning).
   */
  enum Mode {
    BATCH,
    SINGLE
  }

  Operation operation();

  Mode mode();

  Identity identity();

  /** The namespace of the object being admitted ("" for cluster-scoped kinds). */
  String namespace();

  /** The admitted, defaulted tree of the object (spec in canonical member order). */
  ObjectNode tree();

  /** The stored version, for updates and deletes. */
  Optional<Resource> stored();

  /** An object of the same namespace: stored, or earlier in the batch (which wins). */
  <T extends Resource> Optional<T> find(Class<T> type, String name);

  /** Every object of a kind in the same namespace (stored and batch), sorted by name. */
  <T extends Resource> List<T> list(Class<T> type);

  /**
   * The objects of {@link #list} whose {@code key} is {@code value}, sorted by name. {@code index}
   * names the key function (the same name must always mean the same function): a batch indexes the
   * stored objects once per index instead of scanning the whole kind for every object.
   */
  default <T extends Resource> List<T> listWhere(
      Class<T> type, String index, Function<? super T, String> key, String value) {
    return list(type).stream().filter(r -> Objects.equals(key.apply(r), value)).toList();
  }

  /** An object of any namespace; only for Organizations (cluster-scoped). */
  <T extends Resource> Optional<T> findClusterScoped(Class<T> type, String name);

  /** Reports problems of the object being admitted. */
  Reporter reporter();

  /**
   * Checks a "Batch"-class reference (model.md §2.8): absent from store and batch, it is a {@code
   * NotFound} error in batch mode and a warning in single-object mode. Returns the target if found.
   */
  <T extends Resource> Optional<T> reference(String path, Class<T> type, String name);

  /** As {@link #reference}, with a custom hint for the missing case. */
  <T extends Resource> Optional<T> reference(String path, Class<T> type, String name, String hint);

  /** Checks an "Always"-class reference: absent, it is a {@code NotFound} error on every path. */
  <T extends Resource> Optional<T> require(String path, Class<T> type, String name);
}
