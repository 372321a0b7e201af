package dev.troupe.cli.client;

/** Names one object: kind, namespace (null for a cluster-scoped kind) and name. */
public record ObjectRef(String kind, String namespace, String name) {}
