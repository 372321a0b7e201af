package dev.troupe.engine.controllers.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.engine.audit.AuditQuery;
import dev.troupe.engine.audit.AuditRecord;
import dev.troupe.engine.audit.AuditSinks;
import dev.troupe.engine.audit.MemoryAuditLog;
import dev.troupe.engine.store.Subscription;
import dev.troupe.engine.store.WatchEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Release deletion (delivery.md §2.6, §1.8): a removal commit, then the finalizer goes; orphaning
 * when the DataPlane is gone or the cleanup policy says so, recorded as a Warning event and an
 * audit record {@code cleanup.orphaned}.
 */
class ReleaseDeletionTest {
  private static final String NAME = "orders";

  @TempDir Path tmp;
  private ReleaseWorld world;
  private String project;
  private final List<ObjectNode> events = new CopyOnWriteArrayList<>();
  private Subscription eventWatch;
  private final MemoryAuditLog audit = new MemoryAuditLog();

  @BeforeEach
  void open() {
    world = new ReleaseWorld(tmp);
    AuditSinks.register(world.store, audit);
    project = ReleaseWorld.sample(NAME).binding().owner().projectName();
    world.platform();
    world.start();
    world.store.create(ReleaseWorld.releaseOf(ReleaseWorld.sample(NAME), 3));
    world.awaitIdle();
    // Events are owned by their Release and collected with it: record them as they are written.
    eventWatch =
        world.store.watch(
            "Event",
            "default",
            world.store.currentRevision(),
            (WatchEvent e) -> {
              if (e.type() == WatchEvent.Type.ADDED) {
                events.add(e.object());
              }
            });
  }

  @AfterEach
  void close() {
    eventWatch.close();
    AuditSinks.unregister(world.store);
    world.close();
  }

  private List<AuditRecord> orphanRecords() {
    return audit.query(new AuditQuery(null, null, 0, "cleanup.", 1000));
  }

  private String cellDir() {
    return "default/development/" + project;
  }

  private void deleteAndAwaitGone() {
    world.store.delete("Release", "default", NAME);
    world.awaitIdle();
    assertThat(world.store.find("Release", "default", NAME)).isEmpty();
  }

  private List<ObjectNode> orphanEvents() {
    return events.stream()
        .filter(e -> e.path("reason").asText().equals("CleanupOrphaned"))
        .toList();
  }

  @Test
  void deletionCommitsTheRemovalThenTheReleaseIsGone() {
    GitRepo git = new GitRepo(world.repository("default"));
    int commits = git.log().size();

    deleteAndAwaitGone();

    assertThat(git.log()).hasSize(commits + 1);
    assertThat(git.git("log", "-1", "--format=%s", "main").strip())
        .isEqualTo("remove " + project + "/orders in development: revision 3");
    assertThat(git.git("log", "-1", "--format=%b", "main"))
        .contains("prune Deployment ")
        .contains("prune Namespace ");
    // The last Release of its cell, cellNamespaceDeletion Delete: the cell directory goes too.
    assertThat(git.lines("ls-tree", "-r", "--name-only", "main"))
        .noneMatch(f -> f.startsWith(cellDir() + "/"))
        .contains("default/development/kustomization.yaml");
    assertThat(orphanEvents()).isEmpty();
    assertThat(orphanRecords()).isEmpty();
  }

  @Test
  void aDataPlaneDeletedFirstOrphansAtOnce() {
    GitRepo git = new GitRepo(world.repository("default"));
    String head = git.head();
    world.store.delete("DataPlane", "default", "default");
    world.awaitIdle();
    assertThat(ReleaseControllerTest.condition(world.typed(NAME), "Applied").reason())
        .isEqualTo("DataPlaneNotFound");

    deleteAndAwaitGone();

    assertThat(git.head()).isEqualTo(head);
    assertThat(git.lines("ls-tree", "-r", "--name-only", "main"))
        .anyMatch(f -> f.startsWith(cellDir() + "/orders/orders/deployment-"));
    assertThat(orphanEvents()).hasSize(1);
    ObjectNode event = orphanEvents().getFirst();
    assertThat(event.path("type").asText()).isEqualTo("Warning");
    assertThat(event.at("/involvedObject/name").asText()).isEqualTo(NAME);
    assertThat(event.path("message").asText())
        .contains("DataPlane gone")
        .contains("on DataPlane default (gitops)")
        .contains("Deployment dp-default-" + project + "-development-");
    assertThat(orphanRecords()).hasSize(1);
    AuditRecord r = orphanRecords().getFirst();
    assertThat(r.action()).isEqualTo("cleanup.orphaned");
    assertThat(r.actor()).isEqualTo(AuditRecord.Actor.platform());
    assertThat(r.organization()).isEqualTo("default");
    assertThat(r.environment()).isEqualTo("development");
    assertThat(r.target()).isEqualTo("Release/" + NAME);
    assertThat(r.outcome()).isEqualTo("Orphaned");
    assertThat(r.comment()).isEqualTo(event.path("message").asText());
    assertThat(r.details().path("kind").asText()).isEqualTo("Release");
  }

  @Test
  void theOrphanCleanupPolicyLeavesTheFilesAndRemovesTheFinalizer() {
    GitRepo git = new GitRepo(world.repository("default"));
    String head = git.head();
    ObjectNode patch = Codec.JSON.createObjectNode();
    patch
        .putObject("metadata")
        .putObject("annotations")
        .put("openchoreo.dev/cleanup-policy", "Orphan");
    world.store.patch("Release", "default", NAME, patch, null);
    world.awaitIdle();

    deleteAndAwaitGone();

    assertThat(git.head()).isEqualTo(head);
    assertThat(orphanEvents()).hasSize(1);
    assertThat(orphanEvents().getFirst().path("message").asText())
        .contains("openchoreo.dev/cleanup-policy: Orphan");
    assertThat(orphanRecords())
        .singleElement()
        .satisfies(r -> assertThat(r.comment()).contains("openchoreo.dev/cleanup-policy: Orphan"));
  }

  @Test
  void aReleaseDeletedWhileItsEnvironmentIsGoneStillCleansUpTheRecordedDataPlane() {
    world.store.delete("Environment", "default", "development");
    world.awaitIdle();
    GitRepo git = new GitRepo(world.repository("default"));

    deleteAndAwaitGone();

    assertThat(git.git("log", "-1", "--format=%s", "main").strip())
        .startsWith("remove " + project + "/orders in development");
    assertThat(orphanEvents()).isEmpty();
  }
}
