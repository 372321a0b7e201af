package dev.troupe.engine.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded {@link Store}: one SQLite file in WAL mode with {@code synchronous=FULL}. Writes are
 * serialized through one writer thread and acknowledged only once committed durably, so an
 * acknowledged write survives {@code kill -9}; concurrent writes share commits. Reads use their own
 * connections and never wait for the writer. Watches replay the persisted event log and then follow
 * new commits; the log keeps the latest {@link SqliteOptions#eventRetention()} events.
 *
 * <p>One process at a time may open a store file (a lock file next to it guards this).
 *
 * <p>Copies: the writer thread is serial, so the copies the {@link Store} contract needs are made
 * on the caller's thread: the input before it is queued (only the parts the write uses), the result
 * after the write returned. Inside the writer, trees are shared and immutable (see {@link
 * SqliteTx}); watchers get those shared trees.
 */
public final class SqliteStore implements Store {
  private static final Logger log = LoggerFactory.getLogger(SqliteStore.class);
  private static final int MEMORY_EVENTS = 4096;

  private final Path file;
  private final SqliteOptions options;
  private final StoreLock lock;
  private final WatchHub hub;
  private final ReadPool reads;
  private final SqliteReads queries;
  private final EventLog eventLog;
  private final SqliteWriter writer;
  private final SplittableRandom random = new SplittableRandom();
  private volatile boolean closed;

  private SqliteStore(
      Path file,
      SqliteOptions options,
      StoreLock lock,
      Connection conn,
      SqliteSchema.Revisions at) {
    this.file = file;
    this.options = options;
    this.lock = lock;
    this.hub = new WatchHub(at.revision(), MEMORY_EVENTS);
    this.reads = new ReadPool(file, options);
    this.queries = new SqliteReads(reads);
    this.eventLog = new EventLog(reads);
    this.writer = new SqliteWriter(conn, at, hub, options);
  }

  /** Opens (or creates) the store in {@code file} with default options. */
  public static SqliteStore open(Path file) {
    return open(file, SqliteOptions.defaults());
  }

  /**
   * Opens (or creates) the store in {@code file}.
   *
   * @throws StoreException.Unavailable when the file cannot be opened or another process has it
   */
  public static SqliteStore open(Path file, SqliteOptions options) {
    Path absolute = file.toAbsolutePath();
    StoreLock lock = null;
    Connection conn = null;
    try {
      Files.createDirectories(absolute.getParent());
      lock = StoreLock.acquire(absolute);
      conn = SqliteSchema.connect(absolute, options, false);
      SqliteSchema.Revisions at = SqliteSchema.prepare(conn);
      SqliteStore store = new SqliteStore(absolute, options, lock, conn, at);
      log.atInfo()
          .setMessage("Opened store")
          .addKeyValue("file", absolute)
          .addKeyValue("revision", at.revision())
          .log();
      return store;
    } catch (IOException | SQLException e) {
      closeQuietly(conn);
      if (lock != null) {
        lock.close();
      }
      throw new StoreException.Unavailable(
          "cannot open the store " + absolute + ": " + e.getMessage(), e);
    }
  }

  /** The database file. */
  public Path file() {
    return file;
  }

  public SqliteOptions options() {
    return options;
  }

  @Override
  public ObjectNode create(ObjectNode object) {
    Objects.requireNonNull(object, "object");
    ObjectNode own = ObjectTree.deepCopyWithout(object, "status");
    return writer.submit(tx -> mutations(tx).create(own)).deepCopy();
  }

  @Override
  public Optional<ObjectNode> find(String kind, String namespace, String name) {
    return queries.find(new ObjectKey(kind, namespace, name));
  }

  @Override
  public Page list(
      String kind, String namespace, LabelSelector selector, int limit, String continueToken) {
    Objects.requireNonNull(kind, "kind");
    return queries.list(kind, namespace, selector, limit, continueToken);
  }

  @Override
  public ObjectNode update(ObjectNode object) {
    Objects.requireNonNull(object, "object");
    ObjectNode own = ObjectTree.deepCopyWithout(object, "status");
    return writer.submit(tx -> mutations(tx).update(own)).deepCopy();
  }

  @Override
  public ObjectNode updateStatus(ObjectNode object) {
    Objects.requireNonNull(object, "object");
    ObjectNode own = statusWrite(object);
    return writer.submit(tx -> mutations(tx).updateStatus(own)).deepCopy();
  }

  @Override
  public String writeStatus(ObjectNode object) {
    Objects.requireNonNull(object, "object");
    ObjectNode own = statusWrite(object);
    ObjectNode stored = writer.submit(tx -> mutations(tx).updateStatus(own));
    return ObjectTree.text(stored.path("metadata"), "resourceVersion");
  }

  @Override
  public ObjectNode patch(
      String kind, String namespace, String name, ObjectNode mergePatch, String expectedVersion) {
    ObjectKey key = new ObjectKey(kind, namespace, name);
    ObjectNode own = mergePatch == null ? null : mergePatch.deepCopy();
    return writer.submit(tx -> mutations(tx).patch(key, own, expectedVersion, false)).deepCopy();
  }

  @Override
  public ObjectNode patchStatus(
      String kind, String namespace, String name, ObjectNode mergePatch, String expectedVersion) {
    ObjectKey key = new ObjectKey(kind, namespace, name);
    ObjectNode own = mergePatch == null ? null : mergePatch.deepCopy();
    return writer.submit(tx -> mutations(tx).patch(key, own, expectedVersion, true)).deepCopy();
  }

  @Override
  public DeleteResult delete(
      String kind,
      String namespace,
      String name,
      Propagation propagation,
      String preconditionResourceVersion) {
    ObjectKey key = new ObjectKey(kind, namespace, name);
    DeleteResult result =
        writer.submit(tx -> mutations(tx).delete(key, propagation, preconditionResourceVersion));
    return switch (result) {
      case DeleteResult.Deleted d -> new DeleteResult.Deleted(d.object().deepCopy());
      case DeleteResult.Terminating t -> new DeleteResult.Terminating(t.object().deepCopy());
    };
  }

  @Override
  public Subscription watch(
      String kind,
      String namespace,
      long fromRevision,
      Consumer<WatchEvent> consumer,
      Consumer<StoreException> onError) {
    Objects.requireNonNull(consumer, "consumer");
    Objects.requireNonNull(onError, "onError");
    long compacted = eventLog.compacted();
    if (fromRevision < compacted) {
      throw new StoreException.Gone(fromRevision, compacted);
    }
    SqliteSubscription s =
        new SqliteSubscription(hub, eventLog, kind, namespace, fromRevision, consumer, onError);
    hub.register(s);
    Thread.ofVirtual().name("troupe-store-watch").start(s);
    return s;
  }

  @Override
  public long currentRevision() {
    return hub.committed();
  }

  /**
   * Drops the events up to {@code revision} from the watch log (it happens on its own beyond the
   * retention); watches from older revisions then fail with Gone. Returns the compacted revision.
   */
  public long compact(long revision) {
    return writer.submit(tx -> tx.compact(revision));
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    hub.close();
    writer.close();
    reads.close();
    lock.close();
    log.atInfo().setMessage("Closed store").addKeyValue("file", file).log();
  }

  /** Runs {@code work} in the writer (for tests of the write path; results are not copied). */
  <T> T write(SqliteWriter.Work<T> work) {
    return writer.submit(work);
  }

  /**
   * The parts of a status write the store reads (kind, name, namespace, uid, resourceVersion and
   * status), copied: a status write of a large object copies only its status.
   */
  private static ObjectNode statusWrite(ObjectNode object) {
    ObjectNode own = Codec.JSON.createObjectNode();
    JsonNode kind = object.get("kind");
    if (kind != null) {
      own.set("kind", kind.deepCopy());
    }
    JsonNode meta = object.get("metadata");
    if (meta instanceof ObjectNode m) {
      ObjectNode ownMeta = own.putObject("metadata");
      for (String member : List.of("name", "namespace", "uid", "resourceVersion")) {
        JsonNode v = m.get(member);
        if (v != null) {
          ownMeta.set(member, v.deepCopy());
        }
      }
    }
    JsonNode status = object.get("status");
    if (status != null) {
      own.set("status", status.deepCopy());
    }
    return own;
  }

  private Mutations mutations(SqliteTx tx) {
    return new Mutations(tx, options.clock(), random);
  }

  private static void closeQuietly(Connection c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (SQLException e) {
      log.atDebug().setMessage("Failed to close a connection").setCause(e).log();
    }
  }
}
