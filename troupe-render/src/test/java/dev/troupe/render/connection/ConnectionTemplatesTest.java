package dev.troupe.render.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troupe.api.kinds.delivery.BindingStatus.EndpointAccess;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** rendering.md §6.3. */
class ConnectionTemplatesTest {
  static final Map<String, String> GREETER_PROJECT =
      ConnectionResolver.variables(
          EndpointAccess.of("greeter-service-483f44a4", 9090, "http", null));
  static final Map<String, String> REDIS =
      ConnectionResolver.variables(EndpointAccess.of("redis-34fb46c8", 6379, "grpc", null));
  static final Map<String, String> GREETER_ORGANIZATION =
      ConnectionResolver.variables(
          EndpointAccess.of(
              "dev.openchoreoapis.internal", 443, "https", "/default/greeter-service/greeter"));
  static final Map<String, String> DB =
      ConnectionResolver.variables(EndpointAccess.of("db-7bdc25d1", 5432, null, null));

  static String render(String template, Map<String, String> vars) throws TemplateException {
    return ConnectionTemplates.render("n", "VAR", template, vars);
  }

  @Test
  void theSpecTable() throws TemplateException {
    assertThat(render("{{ .url }}", GREETER_PROJECT))
        .isEqualTo("http://greeter-service-483f44a4:9090");
    assertThat(render("{{ .host }}:{{ .port }}", REDIS)).isEqualTo("redis-34fb46c8:6379");
    assertThat(render("{{.scheme}}://{{.host}}{{.basePath}}", GREETER_ORGANIZATION))
        .isEqualTo("https://dev.openchoreoapis.internal/default/greeter-service/greeter");
    assertThat(render("jdbc:postgresql://{{ .host }}:{{ .port }}/app", DB))
        .isEqualTo("jdbc:postgresql://db-7bdc25d1:5432/app");
    assertThat(render("{{ .basePath }}", GREETER_PROJECT)).isEmpty();
  }

  @Test
  void everyVariable() throws TemplateException {
    assertThat(render("{{.host}}|{{.port}}|{{.scheme}}|{{.basePath}}|{{.uri}}|{{.url}}", DB))
        .isEqualTo("db-7bdc25d1|5432|||db-7bdc25d1:5432|db-7bdc25d1:5432");
    assertThat(render("{{  .host\t}} and }} {{ .port}}", DB)).isEqualTo("db-7bdc25d1 and }} 5432");
    assertThat(render("no actions", DB)).isEqualTo("no actions");
  }

  @Test
  void unknownVariable() {
    assertThatThrownBy(() -> ConnectionTemplates.render("cache", "CACHE_URL", "{{ .nope }}", DB))
        .isInstanceOf(TemplateException.class)
        .hasMessage(
            "connection \"cache\": env \"CACHE_URL\": unknown template variable \"nope\"; allowed"
                + " placeholders: host, port, scheme, basePath, uri, url");
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " @ ",
      value = {
        "{{ .host | upper }} @ 0",
        "x{{-.host}} @ 1",
        "{{ .host -}} @ 0",
        "{{/* comment */}} @ 0",
        "ab{{ .host }}:{{ .port @ 14",
        "{{ host }} @ 0",
        "{{ upper .host }} @ 0",
        "{{}} @ 0",
        "{{{ .host }} @ 0",
        "é{{ .x.y }} @ 1"
      })
  void unsupportedSyntaxNamesTheOffsetOfItsBraces(String template, int offset) {
    assertThatThrownBy(() -> render(template, DB))
        .isInstanceOf(TemplateException.class)
        .hasMessage(
            "connection \"n\": env \"VAR\": unsupported template syntax at offset " + offset);
  }
}
