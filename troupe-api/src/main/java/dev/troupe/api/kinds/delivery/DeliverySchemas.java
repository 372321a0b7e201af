package dev.troupe.api.kinds.delivery;

import static dev.troupe.api.schema.Field.opt;
import static dev.troupe.api.schema.Field.req;

import dev.troupe.api.format.Formats;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.schema.IntegerSchema;
import dev.troupe.api.schema.ObjectSchema;
import dev.troupe.api.schema.StringSchema;

/** Sub-schemas shared by the delivery kinds. */
final class DeliverySchemas {
  /** {@code spec.owner}: project and component, both DNS labels. */
  static final ObjectSchema OWNER =
      ObjectSchema.of(
          req("projectName", StringSchema.format(Formats.DNS_LABEL)),
          req("componentName", StringSchema.format(Formats.DNS_LABEL)));

  /** {@code releaseState} (§2.12.7). */
  static final StringSchema RELEASE_STATE = StringSchema.oneOf("Active", "Suspend", "Undeploy");

  /** {@code revisionHistoryLimit}: 1–100. */
  static final IntegerSchema REVISION_HISTORY_LIMIT = IntegerSchema.int32().range(1, 100);

  /** Default of {@code revisionHistoryLimit} (a server setting). */
  static final int DEFAULT_REVISION_HISTORY_LIMIT = 10;

  private DeliverySchemas() {}

  /** A name-typed reference in DNS-label form. */
  static StringSchema label() {
    return StringSchema.format(Formats.DNS_LABEL);
  }

  /** A name-typed reference in DNS-subdomain form. */
  static StringSchema subdomain() {
    return StringSchema.format(Formats.DNS_SUBDOMAIN);
  }

  /** The settings every component binding kind shares: immutable fields and columns. */
  static KindDef binding(KindDef def) {
    return def.immutable("spec.owner", "spec.environment|promote to the other environment instead")
        .columns(
            KindDef.column("Component", "string", ".spec.owner.componentName"),
            KindDef.column("Environment", "string", ".spec.environment"),
            KindDef.column("State", "string", ".spec.releaseState"),
            KindDef.column("Revision", "integer", ".status.currentRevision"),
            KindDef.column("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status"));
  }

  /** An optional {@code releaseState} with its default. */
  static dev.troupe.api.schema.Field releaseState() {
    return opt("releaseState", RELEASE_STATE).defaultTo("Active");
  }

  /** An optional {@code revisionHistoryLimit} with its default. */
  static dev.troupe.api.schema.Field revisionHistoryLimit() {
    return opt("revisionHistoryLimit", REVISION_HISTORY_LIMIT)
        .defaultTo(DEFAULT_REVISION_HISTORY_LIMIT);
  }
}
