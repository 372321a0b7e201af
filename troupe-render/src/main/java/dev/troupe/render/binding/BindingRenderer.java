package dev.troupe.render.binding;

import dev.troupe.api.kinds.delivery.APIBinding;
import dev.troupe.api.kinds.delivery.Binding;
import dev.troupe.api.kinds.delivery.ComponentBinding;
import dev.troupe.render.RenderOutcome;
import dev.troupe.render.Snapshot;

/**
 * The render entry point: one binding of any kind and the objects of its namespace in, its Release
 * resources (or blockers) out. Pure: equal inputs give equal outputs.
 */
public final class BindingRenderer {
  private BindingRenderer() {}

  public static RenderOutcome render(Binding binding, Snapshot snapshot) {
    return switch (binding) {
      case ComponentBinding c -> ComponentRenderer.render(c, snapshot);
      case APIBinding a -> ApiBindingRenderer.render(a, snapshot);
    };
  }
}
