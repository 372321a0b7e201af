package dev.troupe.render.connection;

import dev.troupe.render.Cell;

/**
 * A resolved same-project connection (rendering.md §8.3 intra-cell rules).
 *
 * @param connection the connection name
 * @param targetBindingName the target's Service or WebApplication binding
 * @param targetCell the target's cell: same cell, the target component ({@code L(t)})
 * @param port the target endpoint's port
 * @param protocol {@code UDP} for a UDP endpoint, else {@code TCP}
 */
public record InCellTarget(
    String connection, String targetBindingName, Cell targetCell, int port, String protocol) {}
