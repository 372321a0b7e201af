package dev.troupe.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.kinds.Kinds;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ObjectScopesTest {
  private static JsonNode tree(String json) throws Exception {
    return Codec.JSON.readTree(json.replace('\'', '"'));
  }

  @Test
  void everyKindIsClassifiedAsPlatformOrProjectOrPromotion() {
    Set<String> classified = new HashSet<>(ObjectScopes.PLATFORM_KINDS);
    classified.addAll(ObjectScopes.PROJECT_KINDS);
    classified.add(ObjectScopes.PROMOTION);
    for (KindDef def : Kinds.all()) {
      assertThat(classified).as("kind %s", def.kind()).contains(def.kind());
    }
  }

  @Test
  void projectKindsTakeTheirOwnersProjectAndTheirEnvironment() throws Exception {
    JsonNode binding =
        tree(
            "{'metadata':{'name':'orders-staging'},'spec':{'owner':{'projectName':'shop',"
                + "'componentName':'orders'},'environment':'staging'}}");
    assertThat(ObjectScopes.of("ServiceBinding", "acme", binding))
        .isEqualTo(new Scope("acme", "shop", "staging"));
    assertThat(ObjectScopes.component("ServiceBinding", binding)).isEqualTo("orders");
    assertThat(ObjectScopes.toWrite("ServiceBinding")).isEqualTo(Permission.WRITE_PROJECT);

    JsonNode release =
        tree(
            "{'metadata':{'name':'r'},'spec':{'owner':{'projectName':'shop'},'environmentName':'dev'}}");
    assertThat(ObjectScopes.of("Release", "acme", release))
        .isEqualTo(new Scope("acme", "shop", "dev"));
    assertThat(ObjectScopes.of("Project", "acme", tree("{'metadata':{'name':'shop'}}")))
        .isEqualTo(Scope.project("acme", "shop"));
    assertThat(ObjectScopes.component("Component", tree("{'metadata':{'name':'orders'}}")))
        .isEqualTo("orders");
  }

  @Test
  void promotionsAreRequestedIntoTheirTarget() throws Exception {
    JsonNode p =
        tree(
            "{'metadata':{'name':'p'},'spec':{'owner':{'projectName':'shop','componentName':'orders'},"
                + "'sourceEnvironment':'staging','targetEnvironment':'production'}}");
    assertThat(ObjectScopes.of("Promotion", "acme", p))
        .isEqualTo(new Scope("acme", "shop", "production"));
    assertThat(ObjectScopes.toCreate("Promotion")).isEqualTo(Permission.REQUEST_PROMOTION);
    assertThat(ObjectScopes.toWrite("Promotion")).isEqualTo(Permission.WRITE_PROJECT);
  }

  @Test
  void platformKindsAndUnknownKindsArePlatformWrites() throws Exception {
    assertThat(ObjectScopes.of("Organization", "", tree("{'metadata':{'name':'acme'}}")))
        .isEqualTo(Scope.org("acme"));
    assertThat(ObjectScopes.of("Environment", "acme", tree("{'metadata':{'name':'staging'}}")))
        .isEqualTo(new Scope("acme", null, "staging"));
    for (String kind : List.of("DataPlane", "ServiceClass", "DeployableArtifact", "NewKind")) {
      assertThat(ObjectScopes.toWrite(kind)).as(kind).isEqualTo(Permission.WRITE_PLATFORM);
      assertThat(ObjectScopes.of(kind, "acme", tree("{'metadata':{'name':'x'}}")))
          .isEqualTo(Scope.org("acme"));
    }
    assertThat(ObjectScopes.toWriteStatus("Component")).isEqualTo(Permission.WRITE_PLATFORM);
    assertThat(ObjectScopes.of("Component", "acme", null)).isEqualTo(Scope.org("acme"));
  }

  @Test
  void narrowedBindingsCoverOnlyTheirScopeButReadTheWholeOrganization() {
    Principal dev =
        new Principal(
            "dev",
            Principal.Kind.USER,
            List.of(new RoleBinding(Role.DEVELOPER, "acme", "shop", "development")));
    assertThat(
            Authorizer.allowed(
                dev, Permission.WRITE_PROJECT, new Scope("acme", "shop", "development")))
        .isTrue();
    assertThat(
            Authorizer.allowed(dev, Permission.WRITE_PROJECT, new Scope("acme", "shop", "staging")))
        .isFalse();
    assertThat(Authorizer.allowed(dev, Permission.WRITE_PROJECT, Scope.project("acme", "billing")))
        .isFalse();
    assertThat(Authorizer.allowed(dev, Permission.READ, Scope.org("acme"))).isTrue();
    assertThat(Authorizer.allowed(dev, Permission.READ, Scope.org("other"))).isFalse();
    assertThat(Authorizer.allowed(dev, Permission.READ, Scope.everyOrganization())).isFalse();
    Principal admin = new Principal("admin", Principal.Kind.USER, List.of(RoleBinding.admin()));
    assertThat(Authorizer.allowed(admin, Permission.MANAGE_USERS, Scope.everyOrganization()))
        .isTrue();
    assertThat(Authorizer.denial(dev, Permission.WRITE_PROJECT, Scope.project("acme", "billing")))
        .isEqualTo(
            "dev may not write project in organization acme, project billing (holds: [developer in"
                + " acme/shop (environment development)])");
  }
}
