package dev.troupe.engine.store;

import java.nio.file.Path;

/** The embedded SQLite store passes the store conformance suite. */
class SqliteStoreConformanceTest extends StoreConformance {

  @Override
  protected Store newStore(Path dir) {
    return SqliteStore.open(dir.resolve("troupe.db"));
  }

  @Override
  protected void compact(Store store, long revision) {
    ((SqliteStore) store).compact(revision);
  }
}
