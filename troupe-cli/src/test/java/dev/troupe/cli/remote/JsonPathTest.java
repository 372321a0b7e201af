package dev.troupe.cli.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.kinds.Kinds;
import org.junit.jupiter.api.Test;

class JsonPathTest {
  static final JsonNode OBJ =
      FakeApi.yaml(
          """
          metadata: {name: a, labels: {app.kubernetes.io/name: web}}
          spec: {replicas: 3, flag: true, owner: {componentName: greeter}}
          status:
            conditions:
            - {type: Synced, status: "False"}
            - {type: Ready, status: "True", reason: ResourcesActive}
            endpoints:
            - {name: http, project: {uri: "http://p"}, public: {uri: "https://pub"}}
            - {name: grpc, project: {uri: "grpc://g"}}
          """);

  private static String text(String path) {
    return JsonPath.compile(path).text(OBJ);
  }

  @Test
  void fieldsIndexesAndWildcards() {
    assertThat(text(".spec.owner.componentName")).isEqualTo("greeter");
    assertThat(text("{.spec.replicas}")).isEqualTo("3");
    assertThat(text("$.spec.flag")).isEqualTo("true");
    assertThat(text(".status.conditions[0].type")).isEqualTo("Synced");
    assertThat(text(".status.conditions[-1].type")).isEqualTo("Ready");
    assertThat(text(".status.conditions[*].type")).isEqualTo("Synced,Ready");
    assertThat(text(".status.endpoints[*].*.uri")).isEqualTo("http://p,https://pub,grpc://g");
    assertThat(text(".metadata.labels['app.kubernetes.io/name']")).isEqualTo("web");
    assertThat(text(".status.missing.deeper")).isEmpty();
    assertThat(text(".status.conditions[9]")).isEmpty();
  }

  @Test
  void filtersByEqualityInequalityAndPresence() {
    assertThat(text(".status.conditions[?(@.type==\"Ready\")].status")).isEqualTo("True");
    assertThat(text(".status.conditions[?(@.type=='Synced')].status")).isEqualTo("False");
    assertThat(text(".status.conditions[?(@.type != \"Ready\")].type")).isEqualTo("Synced");
    assertThat(text(".status.conditions[?(@.reason)].type")).isEqualTo("Ready");
    assertThat(text(".status.conditions[?(@.type==\"Nope\")].status")).isEmpty();
  }

  @Test
  void everyPrinterColumnOfEveryKindCompiles() {
    for (KindDef k : Kinds.all()) {
      for (KindDef.PrinterColumn c : k.printerColumns()) {
        assertThat(JsonPath.compile(c.jsonPath()).toString()).isEqualTo(c.jsonPath());
      }
    }
  }

  @Test
  void syntaxErrorsNameTheOffset() {
    assertThatThrownBy(() -> JsonPath.compile(".status.conditions[?(@.type==)]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at offset");
    assertThatThrownBy(() -> JsonPath.compile("status"))
        .hasMessageContaining("expected '.' or '['");
  }
}
