package dev.troupe.cli.client;

/**
 * One result of {@code POST /api/v1/delete}.
 *
 * @param action {@code deleted} or {@code notfound}
 */
public record DeleteResult(String kind, String namespace, String name, String action) {}
