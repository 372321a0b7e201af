package dev.troupe.render.network;

import java.util.ArrayList;
import java.util.List;

/** One allow rule: a single peer and its ports, deduplicated in order (rendering.md §8.1). */
record Rule(Peer peer, List<IngressPort> ports) {
  Rule {
    List<IngressPort> distinct = new ArrayList<>();
    for (IngressPort p : ports) {
      if (!distinct.contains(p)) {
        distinct.add(p);
      }
    }
    ports = List.copyOf(distinct);
  }
}
