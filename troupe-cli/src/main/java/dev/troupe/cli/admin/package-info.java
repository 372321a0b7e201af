/**
 * Administration commands against a Troupe server: {@code troupe admin user create|list|revoke}
 * (identities and their tokens, {@code /api/v1/admin/users}) and {@code troupe audit} (the audit
 * log, {@code /api/v1/orgs/{org}/audit} and {@code /api/v1/audit}). They share the connection
 * options and error handling of {@link dev.troupe.cli.remote.RemoteCommand}; docs/access-control.md
 * describes the model behind them.
 */
package dev.troupe.cli.admin;
