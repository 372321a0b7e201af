package dev.troupe.render.explain;

import java.util.Optional;

/** Attributes leaves of one kind of rendered object; empty when it cannot tell. */
interface Attribution {
  Optional<String> source(Leaf leaf);
}
