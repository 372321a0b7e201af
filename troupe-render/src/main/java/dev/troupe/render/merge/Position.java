package dev.troupe.render.merge;

import java.util.Map;

/**
 * A schema position: what is known about the value found there. An object position knows its
 * fields; a list position with a merge key knows the key and the position of its items (§3.2).
 * Every position not described here is {@link #ANY}: objects merge key by key, lists are replaced.
 */
record Position(Map<String, Position> fields, Keyed keyed) {

  /** A list merged by {@code key}; {@code wholeItem} replaces matched items instead of merging. */
  record Keyed(String key, boolean wholeItem, Position item) {}

  static final Position ANY = new Position(Map.of(), null);

  static final Position CONTAINER =
      object(
          Map.of(
              "env", new Position(Map.of(), new Keyed("name", true, ANY)),
              "ports", keyed("containerPort", ANY),
              "volumeMounts", keyed("mountPath", ANY)));

  static final Position POD_SPEC =
      object(
          Map.of(
              "containers", keyed("name", CONTAINER),
              "initContainers", keyed("name", CONTAINER),
              "ephemeralContainers", keyed("name", CONTAINER),
              "volumes", keyed("name", ANY),
              "imagePullSecrets", keyed("name", ANY),
              "hostAliases", keyed("ip", ANY),
              "topologySpreadConstraints", keyed("topologyKey", ANY)));

  static final Position POD_TEMPLATE = object(Map.of("spec", POD_SPEC));

  static final Position DEPLOYMENT_SPEC = object(Map.of("template", POD_TEMPLATE));

  static final Position CRON_JOB_SPEC =
      object(
          Map.of("jobTemplate", object(Map.of("spec", object(Map.of("template", POD_TEMPLATE))))));

  static final Position SERVICE_SPEC = object(Map.of("ports", keyed("port", ANY)));

  /** The position of field {@code name} of the object at this position. */
  Position field(String name) {
    return fields.getOrDefault(name, ANY);
  }

  private static Position object(Map<String, Position> fields) {
    return new Position(fields, null);
  }

  private static Position keyed(String key, Position item) {
    return new Position(Map.of(), new Keyed(key, false, item));
  }
}
