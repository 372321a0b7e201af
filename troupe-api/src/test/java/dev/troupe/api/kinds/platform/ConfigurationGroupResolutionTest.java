package dev.troupe.api.kinds.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.kinds.platform.ConfigurationGroup.Configuration;
import dev.troupe.api.kinds.platform.ConfigurationGroup.EnvironmentGroup;
import dev.troupe.api.kinds.platform.ConfigurationGroup.Value;
import dev.troupe.api.model.ObjectMeta;
import dev.troupe.api.model.Resource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationGroupResolutionTest {
  private final ConfigurationGroup group =
      new ConfigurationGroup(
          Resource.API_VERSION,
          "ConfigurationGroup",
          ObjectMeta.of("default", "shop-config"),
          new ConfigurationGroup.Spec(
              Map.of(),
              List.of(
                  new EnvironmentGroup("non-prod", List.of("development", "staging")),
                  new EnvironmentGroup("prod", List.of("production"))),
              List.of(
                  new Configuration(
                      "database.url",
                      List.of(
                          new Value(null, "non-prod", "postgres://dev", null),
                          new Value("staging", null, "postgres://staging", null),
                          new Value(null, "prod", "postgres://prod", null))),
                  new Configuration(
                      "api.token",
                      List.of(
                          new Value(null, "non-prod", null, "secret/data/dev/shop#token"),
                          new Value(null, "prod", null, "secret/data/prod/shop"))),
                  new Configuration(
                      "feature.flags",
                      List.of(new Value("development", null, "checkout-v2", null))))),
          null);

  @Test
  void keysKeepDocumentOrder() {
    assertThat(group.keys()).containsExactly("database.url", "api.token", "feature.flags");
    assertThat(group.hasKey("api.token")).isTrue();
    assertThat(group.hasKey("API.TOKEN")).isFalse();
  }

  @Test
  void exactEnvironmentWinsOverGroupWhateverTheOrder() {
    assertThat(group.resolve("database.url", "staging").orElseThrow().value())
        .isEqualTo("postgres://staging");
    assertThat(group.resolve("database.url", "development").orElseThrow().value())
        .isEqualTo("postgres://dev");
    assertThat(group.resolve("database.url", "production").orElseThrow().value())
        .isEqualTo("postgres://prod");
  }

  @Test
  void missingValuesResolveToNothing() {
    assertThat(group.resolve("feature.flags", "staging")).isEmpty();
    assertThat(group.resolve("database.url", "perf")).isEmpty();
    assertThat(group.resolve("unknown", "development")).isEmpty();
  }

  @Test
  void vaultKeysSplitIntoPathAndProperty() {
    assertThat(group.resolve("api.token", "staging").orElseThrow().content())
        .isEqualTo(new ConfigurationGroup.Vault("secret/data/dev/shop", "token"));
    assertThat(group.resolve("api.token", "production").orElseThrow().content())
        .isEqualTo(new ConfigurationGroup.Vault("secret/data/prod/shop", "value"));
    assertThat(group.resolve("feature.flags", "development").orElseThrow().content())
        .isInstanceOf(ConfigurationGroup.Plain.class);
  }

  @Test
  void environmentsListsEveryReferencedEnvironment() {
    assertThat(group.environments()).containsExactly("development", "staging", "production");
  }
}
