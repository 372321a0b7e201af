package dev.troupe.api.kinds.app;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A key of a Secret in the data-plane cell namespace: {@code valueFrom.secretRef} (model.md
 * §2.12.2). Rendered as a reference only; never resolved by the control plane.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SecretKeyRef(String name, String key) {}
