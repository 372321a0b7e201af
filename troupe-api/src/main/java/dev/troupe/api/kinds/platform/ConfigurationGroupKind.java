package dev.troupe.api.kinds.platform;

import static dev.troupe.api.schema.Field.opt;
import static dev.troupe.api.schema.Field.req;

import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.codec.FieldPath;
import dev.troupe.api.format.Formats;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.schema.ListSchema;
import dev.troupe.api.schema.MapSchema;
import dev.troupe.api.schema.ObjectSchema;
import dev.troupe.api.schema.StringSchema;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Schema and rules of {@link ConfigurationGroup} (model.md §3.6). The per-key value rules are in
 * {@link ConfigurationValueRules}.
 */
public final class ConfigurationGroupKind {
  static final ObjectSchema ENVIRONMENT_GROUP =
      ObjectSchema.of(
          req("name", StringSchema.format(Formats.DNS_LABEL)),
          req(
              "environments",
              ListSchema.of(StringSchema.format(Formats.DNS_LABEL))
                  .minItems(1)
                  .unique("environment")));

  static final ObjectSchema VALUE =
      ObjectSchema.of(
              opt("environment", StringSchema.format(Formats.DNS_LABEL)),
              opt("environmentGroupRef", StringSchema.format(Formats.DNS_LABEL)),
              opt("value", StringSchema.any().secretValue()),
              opt("vaultKey", StringSchema.format(Formats.VAULT_KEY)))
          .exactlyOneOf("environment", "environmentGroupRef")
          .exactlyOneOfWithHint("use value: \"\" for an empty plain value", "value", "vaultKey");

  static final ObjectSchema CONFIGURATION =
      ObjectSchema.of(
          req("key", StringSchema.format(Formats.CONFIG_KEY)),
          req("values", ListSchema.of(VALUE).minItems(1)));

  static final ObjectSchema SPEC =
      ObjectSchema.of(
          opt("scope", MapSchema.of(StringSchema.any())),
          opt(
              "environmentGroups",
              ListSchema.of(ENVIRONMENT_GROUP).uniqueBy("name", "environment group")),
          req("configurations", ListSchema.of(CONFIGURATION).uniqueBy("key", "key")));

  public static final KindDef DEF =
      KindDef.namespaced(
              "ConfigurationGroup", "configurationgroups", 6, SPEC, ConfigurationGroup.class)
          .nameFormat(Formats.DNS_SUBDOMAIN)
          .shortNames("configgrp")
          .rules(ConfigurationGroup.class, ConfigurationGroupKind::check)
          .columns(
              KindDef.column("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status"))
          .describe("Per-environment configuration values and secret references.");

  private ConfigurationGroupKind() {}

  static void check(ConfigurationGroup group, AdmissionContext ctx) {
    if (group.spec().scope() != null && !group.spec().scope().isEmpty()) {
      ctx.reporter()
          .warn(
              Rule.IgnoredField,
              "spec.scope",
              "scope is reserved and has no effect",
              "remove spec.scope");
    }
    List<ConfigurationGroup.Configuration> configs = group.configurationsOrEmpty();
    for (int i = 0; i < configs.size(); i++) {
      ConfigurationValueRules.check(
          group,
          configs.get(i),
          FieldPath.child(FieldPath.index("spec.configurations", i), "values"),
          ctx.reporter());
    }
    checkReferences(group, ctx);
  }

  /** Environments of the groups and of exact values are Batch references, each checked once. */
  private static void checkReferences(ConfigurationGroup group, AdmissionContext ctx) {
    Set<String> before =
        ctx.stored()
            .filter(ConfigurationGroup.class::isInstance)
            .map(s -> ((ConfigurationGroup) s).environments())
            .orElse(Set.of());
    Set<String> checked = new HashSet<>();
    List<ConfigurationGroup.EnvironmentGroup> groups = group.environmentGroupsOrEmpty();
    for (int g = 0; g < groups.size(); g++) {
      String groupPath =
          FieldPath.child(FieldPath.index("spec.environmentGroups", g), "environments");
      List<String> envs = groups.get(g).environments();
      for (int k = 0; k < envs.size(); k++) {
        if (checked.add(envs.get(k))) {
          References.batch(
              ctx, FieldPath.index(groupPath, k), Environment.class, envs.get(k), before);
        }
      }
    }
    List<ConfigurationGroup.Configuration> configs = group.configurationsOrEmpty();
    for (int i = 0; i < configs.size(); i++) {
      List<ConfigurationGroup.Value> values = configs.get(i).valuesOrEmpty();
      for (int j = 0; j < values.size(); j++) {
        String env = values.get(j).environment();
        if (env != null && checked.add(env)) {
          String path =
              FieldPath.child(
                  FieldPath.index(
                      FieldPath.child(FieldPath.index("spec.configurations", i), "values"), j),
                  "environment");
          References.batch(ctx, path, Environment.class, env, before);
        }
      }
    }
  }
}
