package dev.troupe.api.kinds.classes;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A class rendered into a Deployment and a Service (ServiceClass, WebApplicationClass): both
 * templates, never null after admission ({@code {}} by default).
 */
public sealed interface DeploymentClass extends WorkloadClass
    permits ServiceClass, WebApplicationClass {

  /** The {@code apps/v1} DeploymentSpec template, as written (document order). */
  ObjectNode deploymentTemplate();

  /** The {@code v1} ServiceSpec template, as written. */
  ObjectNode serviceTemplate();
}
