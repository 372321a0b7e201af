/**
 * Content addressing: RFC 8785 canonical JSON and the SHA-256 digests derived from it for
 * DeployableArtifacts and binding revisions (model.md §3.24.2, §3.18.4).
 */
package dev.troupe.api.digest;
