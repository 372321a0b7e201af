/**
 * The delivery verbs of the CLI (delivery.md §9.2): {@code promote}, {@code approve}, {@code
 * reject}, {@code withdraw}, {@code history} (also {@code rollout history}), {@code rollback},
 * {@code diff}, {@code suspend}, {@code resume}, {@code undeploy} and {@code status}, over the
 * server's typed delivery endpoints ({@code /api/v1/orgs/{org}/projects/{project}/components/{c}/…}
 * and {@code /api/v1/orgs/{org}/promotions/{name}/…}). They share the connection options, error
 * handling and exit codes of {@link dev.troupe.cli.remote.RemoteCommand}; {@code promote --wait}
 * waits on the REST watch of the {@code promotions} kind, never by polling.
 *
 * <p>{@code diff} computes its line diff here ({@link dev.troupe.cli.delivery.LineDiff}, Myers'
 * O(ND) algorithm, and {@link dev.troupe.cli.delivery.UnifiedDiff} for the hunks) instead of using
 * a diff library or running diff(1): it is about a hundred lines, the inputs are small YAML
 * documents, the CLI keeps its dependencies to picocli and Jackson, and no user input may reach a
 * shell.
 */
package dev.troupe.cli.delivery;
