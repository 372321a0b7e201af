package dev.troupe.engine.gitops;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.Pack;
import org.eclipse.jgit.internal.storage.file.PackIndex;
import org.eclipse.jgit.internal.storage.file.PackInserter;
import org.eclipse.jgit.internal.storage.pack.PackWriter;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectDatabase;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.pack.PackConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The object storage of a gitops repository: each commit's new objects go into <em>one</em> pack
 * file (JGit's {@link PackInserter}), made durable before the branch may point at them, and the
 * packs are consolidated in the background so that their number stays bounded.
 *
 * <p><b>Durability.</b> {@link PackInserter} writes the pack and its index to temporary files and
 * renames them into {@code objects/pack}, but does not fsync (JGit's {@code core.fsyncObjectFiles}
 * only covers loose objects). {@link #insert} therefore forces the new pack, its index and the pack
 * directory to disk before it returns; the caller moves the branch only afterwards (with {@code
 * core.fsyncRefFiles}, see {@link EmbeddedRepository}). A crash in between leaves a pack nothing
 * points to, and the branch at the previous commit.
 *
 * <p><b>Consolidation</b> (instead of JGit's {@code GC}): when there are more than {@code maxPacks}
 * packs, a background thread copies the objects of the smallest packs (and any loose objects) into
 * one new pack with {@link PackWriter}, reusing their stored bytes (no delta search), makes it
 * durable and visible, checks that it holds every one of those objects, and only then deletes the
 * packs it replaces. The packs rolled up are chosen geometrically (each one kept is at least twice
 * the size of all rolled-up ones together), so every object is rewritten a logarithmic number of
 * times. No reachability is computed: nothing is ever dropped, so a commit made meanwhile cannot
 * lose objects, and there is nothing to race with. JGit's {@code GC} would walk the whole history
 * on every run and delete packs that a concurrent commit may still need. Commits wait for the lock
 * only while the packs are listed and while the replaced files are deleted.
 */
final class Packs implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Packs.class);

  /** Packs above which a consolidation starts. */
  static final int MAX_PACKS = 50;

  /** Loose objects above which a consolidation starts when the repository is opened. */
  static final int MAX_LOOSE = 256;

  /** Temporary files older than this are left over from a crash and deleted on open. */
  private static final Duration STALE = Duration.ofHours(1);

  private static final Pattern LOOSE_DIR = Pattern.compile("[0-9a-f]{2}");
  private static final Pattern LOOSE_FILE = Pattern.compile("[0-9a-f]{38}");
  private static final Pattern TEMPORARY = Pattern.compile("(insert|repack)_.*\\.(pack|idx)");

  /** One consolidation at a time per repository directory in this process. */
  private static final ConcurrentHashMap<Path, AtomicBoolean> RUNNING = new ConcurrentHashMap<>();

  /** Writes objects into an inserter; returns what the caller needs (a commit id). */
  @FunctionalInterface
  interface Body<T> {
    T insert(ObjectInserter inserter) throws IOException;
  }

  private final Repository repository;
  private final ReentrantLock writer;
  private final int maxPacks;
  private final AtomicBoolean running;
  private final ExecutorService background;

  /**
   * Names of the packs known to be on disk: those there when the repository was opened, and those
   * {@link #insert} forced. Guarded by the writer lock.
   */
  private final Set<String> durable = ConcurrentHashMap.newKeySet();

  Packs(Repository repository, ReentrantLock writer, int maxPacks) {
    this.repository = repository;
    this.writer = writer;
    this.maxPacks = maxPacks;
    this.running =
        RUNNING.computeIfAbsent(
            repository.getDirectory().toPath().toAbsolutePath().normalize(),
            k -> new AtomicBoolean());
    this.background =
        Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("troupe-gitops-repack").factory());
  }

  /**
   * Removes temporary pack files a crash left behind, and consolidates in the background when there
   * are too many packs or loose objects (a repository written by an earlier version).
   */
  void opened() {
    if (!(repository.getObjectDatabase() instanceof ObjectDirectory odb)) {
      return;
    }
    durable.addAll(names(odb.getPacks()));
    Instant limit = Instant.now().minus(STALE);
    try (DirectoryStream<Path> files = Files.newDirectoryStream(odb.getDirectory().toPath())) {
      for (Path f : files) {
        if (TEMPORARY.matcher(f.getFileName().toString()).matches()
            && Files.getLastModifiedTime(f).compareTo(FileTime.from(limit)) < 0) {
          Files.deleteIfExists(f);
        }
      }
    } catch (IOException e) {
      log.atWarn().setMessage("Cannot clean temporary pack files").setCause(e).log();
    }
    if (odb.getPacks().size() > maxPacks || looseObjects(odb).size() > MAX_LOOSE) {
      schedule();
    }
  }

  /**
   * Inserts what {@code body} writes as one pack and forces it to disk.
   *
   * @return what {@code body} returned
   */
  <T> T insert(Body<T> body) throws IOException {
    return insert(repository, body, durable);
  }

  /** {@link #insert(Body)} for a repository without a {@code Packs} (its first commit). */
  static <T> T insert(Repository repository, Body<T> body) throws IOException {
    return insert(repository, body, null);
  }

  /**
   * Inserts and forces to disk every pack not in {@code durable} (all packs when null); adds them
   * to it.
   */
  private static <T> T insert(Repository repository, Body<T> body, Set<String> durable)
      throws IOException {
    ObjectDatabase db = repository.getObjectDatabase();
    if (!(db instanceof ObjectDirectory odb)) {
      try (ObjectInserter inserter = db.newInserter()) {
        T result = body.insert(inserter);
        inserter.flush();
        return result;
      }
    }
    Set<String> known = durable != null ? durable : names(odb.getPacks());
    T result;
    try (PackInserter inserter = odb.newPackInserter()) {
      // The blobs and trees given are new (a draft inserts only what changed); a rare duplicate
      // of an older object costs a few bytes until the next consolidation, a lookup in every pack
      // for every object costs more.
      inserter.checkExisting(false);
      // Commits are small and many; the consolidation does not recompress, so trade a little
      // size for CPU. A hand-run `git gc` recompresses with deltas.
      inserter.setCompressionLevel(Deflater.BEST_SPEED);
      result = body.insert(inserter);
      inserter.flush();
    }
    boolean synced = false;
    for (Pack p : odb.getPacks()) {
      if (!known.contains(p.getPackName())) {
        force(p.getPackFile().toPath());
        force(index(p.getPackFile()).toPath());
        known.add(p.getPackName());
        synced = true;
      }
    }
    if (synced) {
      forceDirectory(odb.getPackDirectory().toPath());
    }
    return result;
  }

  /** Starts a consolidation in the background when there are more than {@code maxPacks} packs. */
  void afterCommit() {
    if (repository.getObjectDatabase() instanceof ObjectDirectory odb
        && odb.getPacks().size() > maxPacks) {
      schedule();
    }
  }

  /** The number of packs. */
  int count() {
    return repository.getObjectDatabase() instanceof ObjectDirectory odb
        ? odb.getPacks().size()
        : 0;
  }

  private void schedule() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      background.execute(
          () -> {
            try {
              consolidate();
            } catch (IOException | RuntimeException e) {
              log.atWarn()
                  .addKeyValue("repository", repository.getDirectory())
                  .setMessage("Pack consolidation failed; it is retried after a later commit")
                  .setCause(e)
                  .log();
            } finally {
              running.set(false);
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      running.set(false); // closing
    }
  }

  /**
   * Rolls the smallest packs (when there are more than {@code maxPacks}) and the loose objects into
   * one pack; returns whether anything was consolidated. Runs in the caller's thread.
   */
  boolean consolidate() throws IOException {
    if (!(repository.getObjectDatabase() instanceof ObjectDirectory odb)) {
      return false;
    }
    List<Pack> rollUp;
    List<Path> loose;
    writer.lock();
    try {
      // Under the lock: every pack listed is complete and the branch points at its objects (or
      // they are garbage of a failed commit); loose objects are never written by this process.
      rollUp = choose(odb.getPacks());
      loose = looseObjects(odb);
    } finally {
      writer.unlock();
    }
    if (rollUp.size() < 2 && loose.isEmpty()) {
      return false;
    }
    long started = System.nanoTime();
    LinkedHashSet<ObjectId> ids = new LinkedHashSet<>();
    for (Pack p : rollUp) {
      for (PackIndex.MutableEntry e : p) {
        ids.add(e.toObjectId());
      }
    }
    for (Path f : loose) {
      ids.add(ObjectId.fromString(f.getParent().getFileName().toString() + f.getFileName()));
    }
    File packFile = write(odb, ids);
    writer.lock();
    try {
      Pack created = odb.openPack(packFile);
      durable.add(created.getPackName());
      PackIndex index = created.getIndex();
      for (ObjectId id : ids) {
        if (!index.hasObject(id)) {
          throw new IOException(
              "consolidated pack " + packFile.getName() + " lacks object " + id.name());
        }
      }
      for (Pack p : rollUp) {
        if (!p.getPackName().equals(created.getPackName())) {
          delete(p);
          durable.remove(p.getPackName());
        }
      }
      for (Path f : loose) {
        Files.deleteIfExists(f);
      }
      odb.getPacks(); // rescans the pack directory, forgetting the deleted packs
    } finally {
      writer.unlock();
    }
    log.atInfo()
        .addKeyValue("repository", repository.getDirectory())
        .addKeyValue("packs", rollUp.size())
        .addKeyValue("looseObjects", loose.size())
        .addKeyValue("objects", ids.size())
        .addKeyValue("millis", (System.nanoTime() - started) / 1_000_000)
        .log("Consolidated gitops packs");
    return true;
  }

  /**
   * The packs to roll up: none when there are at most {@code maxPacks}; otherwise, smallest first,
   * at least the ones needed to get down to half of {@code maxPacks}, and then every next one
   * smaller than twice what is rolled up so far. Packs with a {@code .keep} file stay.
   */
  private List<Pack> choose(java.util.Collection<Pack> packs) throws IOException {
    List<Pack> candidates = new ArrayList<>();
    for (Pack p : packs) {
      if (!p.shouldBeKept()) {
        candidates.add(p);
      }
    }
    if (packs.size() <= maxPacks || candidates.size() < 2) {
      return List.of();
    }
    record Sized(Pack pack, long objects) {}
    List<Sized> sized = new ArrayList<>();
    for (Pack p : candidates) {
      sized.add(new Sized(p, p.getIndex().getObjectCount()));
    }
    sized.sort(Comparator.comparingLong(Sized::objects));
    int keep = Math.max(1, maxPacks / 2);
    List<Pack> out = new ArrayList<>();
    long sum = 0;
    for (int i = 0; i < sized.size(); i++) {
      Sized s = sized.get(i);
      boolean mustRollUp = out.size() < 2 || sized.size() - i > keep;
      if (!mustRollUp && s.objects() >= 2 * sum) {
        break;
      }
      out.add(s.pack());
      sum += s.objects();
    }
    return out;
  }

  /** Writes {@code ids} into a new pack (durable, visible); returns the pack file. */
  private File write(ObjectDirectory odb, Set<ObjectId> ids) throws IOException {
    File tmpPack = File.createTempFile("repack_", ".pack", odb.getDirectory());
    File tmpIdx = index(tmpPack);
    try (ObjectReader reader = repository.newObjectReader();
        RevWalk walk = new RevWalk(reader)) {
      List<RevObject> objects = new ArrayList<>(ids.size());
      for (ObjectId id : ids) {
        objects.add(walk.lookupAny(id, reader.open(id).getType()));
      }
      PackConfig config = new PackConfig(repository);
      config.setDeltaCompress(false);
      config.setReuseObjects(true);
      config.setReuseDeltas(true);
      config.setBuildBitmaps(false);
      config.setIndexVersion(2);
      File packFile;
      try (PackWriter pw = new PackWriter(config, reader)) {
        pw.setDeltaBaseAsOffset(true);
        pw.preparePack(objects.iterator());
        try (FileOutputStream out = new FileOutputStream(tmpPack)) {
          pw.writePack(NullProgressMonitor.INSTANCE, NullProgressMonitor.INSTANCE, out);
          out.getChannel().force(true);
        }
        try (FileOutputStream out = new FileOutputStream(tmpIdx)) {
          pw.writeIndex(out);
          out.getChannel().force(true);
        }
        String name = "pack-" + pw.computeName().name();
        packFile = new File(odb.getPackDirectory(), name + ".pack");
      }
      File idxFile = index(packFile);
      if (!packFile.exists() || !idxFile.exists()) {
        move(tmpPack, packFile);
        move(tmpIdx, idxFile); // the index last: it makes the pack visible
        forceDirectory(odb.getPackDirectory().toPath());
      }
      return packFile;
    } finally {
      Files.deleteIfExists(tmpPack.toPath()); // when the pack existed already, or on failure
      Files.deleteIfExists(tmpIdx.toPath());
    }
  }

  private static void delete(Pack p) throws IOException {
    File pack = p.getPackFile();
    p.close();
    String base = pack.getName().substring(0, pack.getName().length() - ".pack".length());
    // The index first: without it the pack is invisible to Git and JGit.
    Files.deleteIfExists(index(pack).toPath());
    Files.deleteIfExists(pack.toPath());
    for (String ext : List.of(".rev", ".bitmap", ".promisor", ".mtimes")) {
      Files.deleteIfExists(pack.toPath().resolveSibling(base + ext));
    }
  }

  private static List<Path> looseObjects(ObjectDirectory odb) {
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(odb.getDirectory().toPath())) {
      for (Path dir : dirs) {
        if (!LOOSE_DIR.matcher(dir.getFileName().toString()).matches() || !Files.isDirectory(dir)) {
          continue;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
          for (Path f : files) {
            if (LOOSE_FILE.matcher(f.getFileName().toString()).matches()) {
              out.add(f);
            }
          }
        }
      }
    } catch (IOException e) {
      log.atWarn().setMessage("Cannot list loose objects").setCause(e).log();
    }
    return out;
  }

  private static Set<String> names(java.util.Collection<Pack> packs) {
    Set<String> out = new HashSet<>();
    packs.forEach(p -> out.add(p.getPackName()));
    return out;
  }

  private static File index(File pack) {
    String name = pack.getName();
    int dot = name.lastIndexOf('.');
    return new File(pack.getParentFile(), name.substring(0, dot) + ".idx");
  }

  private static void move(File from, File to) throws IOException {
    try {
      Files.move(from.toPath(), to.toPath(), StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from.toPath(), to.toPath(), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void force(Path file) throws IOException {
    try (FileChannel c = FileChannel.open(file, StandardOpenOption.READ)) {
      c.force(true);
    }
  }

  /** Makes renames in {@code dir} durable; not every platform can open a directory (Windows). */
  private static void forceDirectory(Path dir) {
    try (FileChannel c = FileChannel.open(dir, StandardOpenOption.READ)) {
      c.force(true);
    } catch (IOException e) {
      log.atDebug().setMessage("Cannot fsync directory {}").addArgument(dir).log();
    }
  }

  /** Waits (a bounded time) for a consolidation in progress; starts no new one. */
  @Override
  public void close() {
    background.shutdown();
    try {
      if (!background.awaitTermination(60, TimeUnit.SECONDS)) {
        log.atWarn().log("Pack consolidation still running at close");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
