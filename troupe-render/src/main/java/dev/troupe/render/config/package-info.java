/**
 * ConfigurationGroups, file mounts and the configuration hash of a component binding (rendering.md
 * §7): value resolution, the ConfigMaps / ExternalSecrets / SecretProviderClasses, and the env,
 * envFrom, mounts and volumes of each container.
 */
package dev.troupe.render.config;
