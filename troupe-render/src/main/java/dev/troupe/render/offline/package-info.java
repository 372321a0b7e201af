/**
 * Offline render: the bindings of local files and the first-environment bindings their claims would
 * get, rendered without a server, a cluster or any credentials.
 */
package dev.troupe.render.offline;
