package dev.troupe.render.gateway;

import dev.troupe.api.codec.Codec;
import dev.troupe.render.Canonical;
import dev.troupe.render.RenderedObject;
import java.util.List;

/** Golden-file text of rendered objects: a YAML stream in canonical key order. */
final class GoldenText {
  private GoldenText() {}

  static String of(List<RenderedObject> objects) {
    return Codec.toYamlStream(objects.stream().map(o -> Canonical.of(o.object())).toList());
  }
}
