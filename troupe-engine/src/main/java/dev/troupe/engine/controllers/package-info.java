/**
 * The controllers of delivery.md §1.2, registered on a {@link
 * dev.troupe.engine.runtime.ControllerManager}: platform lifecycle (organizations and their
 * namespaces, projects, pipelines, environments, data planes, build planes, ownership), claims and
 * bindings (first-environment bindings, artifacts, revisions, rendering into Releases, status), and
 * Release application to data planes.
 */
package dev.troupe.engine.controllers;
