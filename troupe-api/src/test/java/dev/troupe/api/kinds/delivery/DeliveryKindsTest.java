package dev.troupe.api.kinds.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.format.Formats;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.kinds.Kinds;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryKindsTest {
  @Test
  void namesPluralsOrdersAndNameFormats() {
    Map<String, Object[]> expected =
        Map.of(
            "ServiceBinding", new Object[] {"servicebindings", 12, Formats.DNS_LABEL},
            "WebApplicationBinding", new Object[] {"webapplicationbindings", 12, Formats.DNS_LABEL},
            "ScheduledTaskBinding", new Object[] {"scheduledtaskbindings", 12, Formats.DNS_LABEL},
            "APIBinding", new Object[] {"apibindings", 12, Formats.DNS_LABEL},
            "Build", new Object[] {"builds", 13, Formats.DNS_LABEL},
            "DeployableArtifact", new Object[] {"deployableartifacts", 13, Formats.DNS_SUBDOMAIN},
            "Release", new Object[] {"releases", 14, Formats.DNS_LABEL},
            "GitCommitRequest", new Object[] {"gitcommitrequests", 14, Formats.DNS_SUBDOMAIN},
            "Promotion", new Object[] {"promotions", 14, Formats.DNS_SUBDOMAIN});
    assertThat(DeliveryKinds.all()).hasSize(expected.size());
    for (KindDef def : DeliveryKinds.all()) {
      Object[] e = expected.get(def.kind());
      assertThat(e).as(def.kind()).isNotNull();
      assertThat(def.plural()).isEqualTo(e[0]);
      assertThat(def.admissionOrder()).isEqualTo(e[1]);
      assertThat(def.nameFormat()).isSameAs(e[2]);
      assertThat(def.clusterScoped()).isFalse();
      assertThat(Kinds.byName(def.kind())).contains(def);
    }
  }

  @Test
  void shortNamesAndAliases() {
    assertThat(Kinds.byName("BuildV2").map(KindDef::kind)).contains("Build");
    assertThat(Kinds.resolve("da").map(KindDef::kind)).contains("DeployableArtifact");
    assertThat(Kinds.resolve("gcrs").map(KindDef::kind)).contains("GitCommitRequest");
    assertThat(Kinds.resolve("promo").map(KindDef::kind)).contains("Promotion");
  }
}
