package dev.troupe.cli.remote;

/** The {@code -o} formats of {@code get}. */
enum Output {
  table,
  wide,
  yaml,
  json,
  name
}
