package dev.troupe.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.engine.store.DeleteResult;
import dev.troupe.engine.store.LabelSelector;
import dev.troupe.engine.store.Page;
import dev.troupe.engine.store.Propagation;
import dev.troupe.engine.store.Store;
import dev.troupe.engine.store.StoreException;
import dev.troupe.engine.store.Subscription;
import dev.troupe.engine.store.WatchEvent;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A store that remembers the subscriptions it handed out, to find leaked watches. */
final class CountingStore implements Store {
  private final Store delegate;
  final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

  CountingStore(Store delegate) {
    this.delegate = delegate;
  }

  long open() {
    return subscriptions.stream().filter(s -> !s.isClosed()).count();
  }

  @Override
  public Subscription watch(
      String kind,
      String namespace,
      long fromRevision,
      Consumer<WatchEvent> consumer,
      Consumer<StoreException> onError) {
    Subscription s = delegate.watch(kind, namespace, fromRevision, consumer, onError);
    subscriptions.add(s);
    return s;
  }

  @Override
  public ObjectNode create(ObjectNode object) {
    return delegate.create(object);
  }

  @Override
  public Optional<ObjectNode> find(String kind, String namespace, String name) {
    return delegate.find(kind, namespace, name);
  }

  @Override
  public Page list(
      String kind, String namespace, LabelSelector selector, int limit, String continueToken) {
    return delegate.list(kind, namespace, selector, limit, continueToken);
  }

  @Override
  public ObjectNode update(ObjectNode object) {
    return delegate.update(object);
  }

  @Override
  public ObjectNode updateStatus(ObjectNode object) {
    return delegate.updateStatus(object);
  }

  @Override
  public ObjectNode patch(
      String kind,
      String namespace,
      String name,
      ObjectNode mergePatch,
      String expectedResourceVersion) {
    return delegate.patch(kind, namespace, name, mergePatch, expectedResourceVersion);
  }

  @Override
  public ObjectNode patchStatus(
      String kind,
      String namespace,
      String name,
      ObjectNode mergePatch,
      String expectedResourceVersion) {
    return delegate.patchStatus(kind, namespace, name, mergePatch, expectedResourceVersion);
  }

  @Override
  public DeleteResult delete(
      String kind,
      String namespace,
      String name,
      Propagation propagation,
      String preconditionResourceVersion) {
    return delegate.delete(kind, namespace, name, propagation, preconditionResourceVersion);
  }

  @Override
  public long currentRevision() {
    return delegate.currentRevision();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
