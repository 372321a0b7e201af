package dev.troupe.api.kinds.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Connection templates (model.md §3.9). */
class ConnectionTemplatesTest {

  @Test
  void validTemplates() {
    assertThat(ConnectionTemplates.problem("{{ .url }}")).isEmpty();
    assertThat(ConnectionTemplates.problem("{{ .host }}:{{ .port }}")).isEmpty();
    assertThat(ConnectionTemplates.problem("redis://{{.host}}:{{.port}}/0")).isEmpty();
    assertThat(ConnectionTemplates.problem("plain text } }}")).isEmpty();
    assertThat(ConnectionTemplates.problem("{{ .scheme }}://{{ .host }}{{ .basePath }}")).isEmpty();
  }

  @Test
  void rejectedTemplates() {
    assertThat(ConnectionTemplates.problem("http://{{ .hostname }}"))
        .contains("unknown template variable \"hostname\"");
    assertThat(ConnectionTemplates.problem("{{ .host | upper }}"))
        .contains("pipelines are not supported in \"{{ .host | upper }}\"");
    assertThat(ConnectionTemplates.problem("{{ printf \"%s\" .host }}"))
        .get()
        .asString()
        .startsWith("function calls are not supported");
    assertThat(ConnectionTemplates.problem("{{- .host }}"))
        .get()
        .asString()
        .startsWith("trim markers are not supported");
    assertThat(ConnectionTemplates.problem("{{ .host -}}"))
        .get()
        .asString()
        .startsWith("trim markers are not supported");
    assertThat(ConnectionTemplates.problem("http://{{ .host")).contains("unterminated \"{{\"");
    assertThat(ConnectionTemplates.problem("{{ host }}"))
        .get()
        .asString()
        .startsWith("missing \".\"");
    assertThat(ConnectionTemplates.problem("{{ .host.name }}"))
        .get()
        .asString()
        .startsWith("unsupported placeholder");
    assertThat(ConnectionTemplates.problem("{{ }}"))
        .get()
        .asString()
        .startsWith("empty placeholder");
  }

  @Test
  void renderReplacesPlaceholdersAndUrlIsUri() {
    Map<String, String> v = Map.of("host", "svc", "port", "80", "uri", "http://svc");
    assertThat(ConnectionTemplates.render("{{ .host }}:{{.port}} {{ .url }}", v))
        .isEqualTo("svc:80 http://svc");
  }
}
