package dev.troupe.cli.remote;

/** The {@code -o} formats of {@code get}. */
public enum Output {
  table,
  wide,
  yaml,
  json,
  name
}
