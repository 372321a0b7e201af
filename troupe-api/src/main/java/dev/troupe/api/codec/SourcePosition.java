package dev.troupe.api.codec;

/** A 1-based line and column in a source file. */
public record SourcePosition(int line, int column) {}
