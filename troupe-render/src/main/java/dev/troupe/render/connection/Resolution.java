package dev.troupe.render.connection;

import dev.troupe.api.kinds.app.Endpoint;
import dev.troupe.api.kinds.delivery.BindingStatus.EndpointAccess;
import dev.troupe.api.kinds.delivery.ComponentBinding;

/** The outcome of the checks of rendering.md §6.2 for one connection. */
sealed interface Resolution {

  /** Every check passed: the target binding, its endpoint and the address to use. */
  record Resolved(ComponentBinding target, Endpoint endpoint, EndpointAccess address)
      implements Resolution {}

  /** The first failing row: its pending reason and detail message. */
  record Pending(String reason, String detail) implements Resolution {}
}
