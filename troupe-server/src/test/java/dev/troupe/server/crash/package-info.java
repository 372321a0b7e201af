/**
 * The crash test of the embedded platform: a child JVM ({@link
 * dev.troupe.server.crash.PlatformChild}) runs {@code EmbeddedPlatform} with the demo while the
 * test writes to it over HTTP ({@link dev.troupe.server.crash.WriteLoad}) and kills it with SIGKILL
 * at a random point, several times over one data directory; {@link
 * dev.troupe.server.crash.AckLedger} remembers what the server acknowledged and checks it after
 * every restart, and {@link dev.troupe.server.crash.ReleaseFiles} compares committed GitOps files
 * with the Releases.
 *
 * <p>Hand-written instead of a library: the child process handling is a few lines over {@link
 * java.lang.ProcessBuilder} (as in the store's own crash test), and the HTTP client is the JDK's.
 */
package dev.troupe.server.crash;
