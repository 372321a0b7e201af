/**
 * JSON Patch (RFC 6902) on Jackson trees, with JSON Pointers (RFC 6901): the six operations {@code
 * add}, {@code remove}, {@code replace}, {@code move}, {@code copy} and {@code test}, pointers with
 * the {@code ~0}/{@code ~1} escapes and the {@code -} array index. A patch is atomic: {@link
 * dev.troupe.engine.jsonpatch.JsonPatch#apply} works on a copy and either returns the fully patched
 * document or throws, leaving the input untouched. The GitCommitRequest executor uses it for {@code
 * spec.files[].patch} (delivery.md §7.2).
 *
 * <p>Hand-written rather than taken from a library: none of the dependencies this project keeps
 * (Jackson, JGit, fabric8, SQLite) implements RFC 6902 (fabric8 has a JSON Patch <em>builder</em>
 * for requests, not an applier), and the usual Java implementations would add a dependency with its
 * own Jackson coupling for about three hundred lines of code. Writing it here also lets every error
 * name the operation index and pointer without ever quoting a value, which patches of
 * GitCommitRequests require (model.md §2.13).
 */
package dev.troupe.engine.jsonpatch;
