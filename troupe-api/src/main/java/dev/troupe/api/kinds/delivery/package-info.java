/**
 * The delivery kinds (model.md §3.18–§3.26): per-environment bindings, Releases, Builds,
 * DeployableArtifacts, GitCommitRequests and Promotions, with their schemas and admission rules.
 */
package dev.troupe.api.kinds.delivery;
