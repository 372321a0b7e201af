/**
 * Deterministic Kubernetes object names: Troupe's bit-exact reproduction of OpenChoreo's name
 * generator (model.md §2.11), used for cell namespaces, promoted binding names and CronJob names.
 */
package dev.troupe.api.names;
