package dev.troupe.engine.controllers.gitcommit;

import dev.troupe.engine.runtime.ControllerManager;
import dev.troupe.engine.runtime.ObjectCache;
import dev.troupe.engine.store.ObjectKey;
import dev.troupe.engine.store.Store;
import dev.troupe.engine.store.StoreException;
import dev.troupe.engine.store.WatchEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resumes requests waiting for their auth Secret (delivery.md §7.2 step 2: "a watch on the Secret
 * resumes the request"). Secrets are not resource-model kinds, so the {@link ObjectCache} does not
 * mirror them (and need not hold secret values in memory); this is a store watch of kind {@value
 * AuthSecrets#KIND} that looks up the requests naming the changed Secret in the cache's {@code
 * authSecretRef} index and queues them. It lives as long as the store: closing the store ends it.
 * If it falls behind the store's event log it resumes from the present and queues every request, so
 * no change is lost.
 */
final class SecretWatch {
  private static final Logger log = LoggerFactory.getLogger(SecretWatch.class);

  private final Store store;
  private final ObjectCache cache;
  private final ControllerManager manager;

  private SecretWatch(Store store, ObjectCache cache, ControllerManager manager) {
    this.store = store;
    this.cache = cache;
    this.manager = manager;
  }

  static void start(Store store, ObjectCache cache, ControllerManager manager) {
    SecretWatch w = new SecretWatch(store, cache, manager);
    w.subscribe(store.currentRevision());
  }

  private void subscribe(long from) {
    store.watch(AuthSecrets.KIND, null, from, this::changed, this::ended);
  }

  private void changed(WatchEvent event) {
    String namespace = event.object().path("metadata").path("namespace").asText("");
    String name = event.object().path("metadata").path("name").asText();
    for (ObjectKey key :
        cache.byIndex(
            GitCommitStatus.KIND, GitCommitControllers.INDEX_AUTH_SECRET, namespace, name)) {
      manager.enqueue(GitCommitControllers.CONTROLLER, key);
    }
  }

  private void ended(StoreException failure) {
    try {
      subscribe(store.currentRevision());
    } catch (StoreException e) {
      log.debug("Stopped watching Secrets: {}", e.toString());
      return;
    }
    cache
        .trees(GitCommitStatus.KIND, null)
        .forEach(t -> manager.enqueue(GitCommitControllers.CONTROLLER, ObjectKey.of(t)));
  }
}
