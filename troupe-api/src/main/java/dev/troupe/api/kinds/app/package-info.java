/**
 * The application kinds of model.md §3.7–§3.13 (Project, Component, Workload, the Service,
 * WebApplication and ScheduledTask claims, API) and the value types they share with bindings and
 * artifacts (containers, endpoints, connections, egress rules, managed APIs, build templates).
 */
package dev.troupe.api.kinds.app;
