/**
 * The platform starter kit (model.md §5) as data, and the offline store that validation and
 * rendering of local files admit against.
 */
package dev.troupe.api.starterkit;
