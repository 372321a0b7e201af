package dev.troupe.api.kinds.app;

import static dev.troupe.api.schema.Field.req;

import dev.troupe.api.format.Formats;
import dev.troupe.api.schema.ObjectSchema;
import dev.troupe.api.schema.StringSchema;

/** Small sub-schemas shared by the application kinds. */
public final class AppSchemas {
  /** {@code spec.owner} of Workload, claims and API: project and component, both DNS labels. */
  public static final ObjectSchema OWNER =
      ObjectSchema.of(req("projectName", label()), req("componentName", label()));

  /** {@code spec.owner} of Component: the project only. */
  public static final ObjectSchema PROJECT_OWNER = ObjectSchema.of(req("projectName", label()));

  /** The class name every claim and managed API uses when none is given. */
  public static final String DEFAULT_CLASS = "default";

  private AppSchemas() {}

  /** A name-typed reference in DNS-label form. */
  public static StringSchema label() {
    return StringSchema.format(Formats.DNS_LABEL);
  }

  /** A name-typed reference in DNS-subdomain form. */
  public static StringSchema subdomain() {
    return StringSchema.format(Formats.DNS_SUBDOMAIN);
  }
}
