/**
 * The Class kinds (model.md §3.14–§3.17): ServiceClass, WebApplicationClass, ScheduledTaskClass
 * with their strictly validated Kubernetes templates, and APIClass with its REST policies.
 */
package dev.troupe.api.kinds.classes;
