/**
 * The {@code troupe} command line (picocli): offline validation, CRDs, and the launcher entry
 * point.
 */
package dev.troupe.cli;
