/**
 * The platform kinds (model.md §3.1–§3.6): Organization, DataPlane, BuildPlane, Environment,
 * DeploymentPipeline and ConfigurationGroup, with their schemas and admission rules.
 */
package dev.troupe.api.kinds.platform;
