package dev.troupe.api.kinds.app;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A managed API of a Service (model.md §3.10 {@code apis{}}), also used by ServiceBinding: the
 * APIClass, the type (only {@code REST} is supported) and the REST definition.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceApi(String className, String type, RestApi rest) {}
