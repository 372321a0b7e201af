package dev.troupe.render.config;

import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * The configuration part of one rendered container (rendering.md §4.1, §7.3).
 *
 * @param env stages 1 and 2 of the env list: own {@code env}, then {@code envFrom} group
 *     expansions, deduplicated by name (first wins); connection variables are not included
 * @param envFrom native {@code envFrom} items ({@code [{secretRef: {name}}]})
 * @param volumeMounts the mounts, in walk order
 */
public record ContainerWiring(ArrayNode env, ArrayNode envFrom, ArrayNode volumeMounts) {}
