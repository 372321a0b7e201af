package dev.troupe.api.kinds.app;

import static dev.troupe.api.kinds.app.AppSchemas.subdomain;
import static dev.troupe.api.schema.Field.opt;
import static dev.troupe.api.schema.Field.req;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.troupe.api.format.Formats;
import dev.troupe.api.schema.IntegerSchema;
import dev.troupe.api.schema.ListSchema;
import dev.troupe.api.schema.MapSchema;
import dev.troupe.api.schema.ObjectSchema;
import dev.troupe.api.schema.StringSchema;

/**
 * The structure of managed APIs (model.md §3.10 {@code apis}, §3.13, §3.21 {@code apiSpec}). The
 * rules that need the workload or other objects are in {@link ServiceApiRules}.
 */
public final class ServiceApiSchemas {
  /** {@code rest.backend}: the port of the component's Kubernetes Service and its base path. */
  public static final ObjectSchema BACKEND =
      ObjectSchema.of(
          req("port", IntegerSchema.port()),
          opt("basePath", StringSchema.format(Formats.BASE_PATH)).defaultTo(""));

  /** The expose levels (§2.12.6). */
  public static final StringSchema EXPOSE_LEVEL =
      StringSchema.oneOf(RestApi.LEVELS.toArray(String[]::new));

  /** {@code rest}: backend and expose levels (default {@code []}: Project level only). */
  public static final ObjectSchema REST =
      ObjectSchema.of(
          req("backend", BACKEND),
          opt("exposeLevels", ListSchema.of(EXPOSE_LEVEL).unique("expose level"))
              .defaultTo(JsonNodeFactory.instance.arrayNode()));

  /** One managed API of a Service or ServiceBinding: class, type and REST definition. */
  public static final ObjectSchema SERVICE_API =
      ObjectSchema.of(
          req("className", subdomain()).defaultTo(AppSchemas.DEFAULT_CLASS),
          req("type", WorkloadSchemas.ENDPOINT_TYPE),
          opt("rest", REST));

  /** {@code apis}: managed APIs keyed by API name (DNS labels). */
  public static final MapSchema API_MAP = MapSchema.of(SERVICE_API).keys(Formats.DNS_LABEL);

  /** An API definition without class ({@code APIBinding.spec.apiSpec}: {@code {type, rest}}). */
  public static final ObjectSchema API_SPEC =
      ObjectSchema.of(req("type", WorkloadSchemas.ENDPOINT_TYPE), opt("rest", REST));

  private ServiceApiSchemas() {}
}
