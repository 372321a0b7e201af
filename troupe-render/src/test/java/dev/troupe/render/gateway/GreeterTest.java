package dev.troupe.render.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.codec.Codec;
import dev.troupe.render.Canonical;
import dev.troupe.render.RenderedObject;
import dev.troupe.render.Snapshot;
import org.junit.jupiter.api.Test;

class GreeterTest {
  @Test
  void probe() {
    Snapshot s = GatewayFixtures.greeter();
    GatewayObjects g = GatewayFixtures.render(s, "greeter-service");
    assertThat(g.blockers()).isEmpty();
    for (RenderedObject o : g.all()) {
      System.out.println("id " + o.id());
      System.out.println(Codec.toYaml(Canonical.of(o.object())));
    }
  }
}
