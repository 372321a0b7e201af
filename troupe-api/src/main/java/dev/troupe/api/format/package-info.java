/**
 * Named string formats that admission checks values against (model.md §0.1, §2.12): names, hosts
 * and addresses, schedules, image references, Git coordinates, paths, URLs and encoded key
 * material. A failed check yields a short reason that never echoes a possibly secret value.
 */
package dev.troupe.api.format;
