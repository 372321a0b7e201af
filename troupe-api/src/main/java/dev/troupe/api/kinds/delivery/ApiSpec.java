package dev.troupe.api.kinds.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.troupe.api.kinds.app.RestApi;

/**
 * The environment-bound snapshot of an API claim in an APIBinding ({@code spec.apiSpec}, model.md
 * §3.21): its type (only {@code REST}) and REST definition.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiSpec(String type, RestApi rest) {}
