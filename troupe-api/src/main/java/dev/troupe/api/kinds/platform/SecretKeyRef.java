package dev.troupe.api.kinds.platform;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A key of a Secret in the organization namespace ({@code …SecretRef} of plane credentials,
 * model.md §2.12.8, §2.12.9, §2.13).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SecretKeyRef(String name, String key) {}
