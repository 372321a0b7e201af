package dev.troupe.api.kinds.classes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.kinds.classes.k8s.K8sSchema;
import dev.troupe.api.kinds.classes.k8s.Quantities;
import dev.troupe.api.schema.Field;
import dev.troupe.api.schema.ListSchema;
import dev.troupe.api.schema.ObjectSchema;
import dev.troupe.api.schema.StringSchema;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import org.junit.jupiter.api.Test;

/** The reflective derivation of Kubernetes schemas from the fabric8 model. */
class K8sSchemaTest {
  @Test
  void derivesTheDeclaredPropertiesOnly() {
    ObjectSchema s = K8sSchema.of(DeploymentSpec.class);
    assertThat(s.fields())
        .extracting(Field::name)
        .containsExactlyInAnyOrder(
            "minReadySeconds",
            "paused",
            "progressDeadlineSeconds",
            "replicas",
            "revisionHistoryLimit",
            "selector",
            "strategy",
            "template");
    assertThat(s.fields()).noneMatch(Field::required);
  }

  @Test
  void cachedPerClass() {
    assertThat(K8sSchema.of(Container.class)).isSameAs(K8sSchema.of(Container.class));
    ObjectSchema pod =
        (ObjectSchema)
            ((ObjectSchema)
                    K8sSchema.of(DeploymentSpec.class).field("template").orElseThrow().schema())
                .field("spec")
                .orElseThrow()
                .schema();
    ListSchema containers = (ListSchema) pod.field("containers").orElseThrow().schema();
    assertThat(containers.items()).isSameAs(K8sSchema.of(Container.class));
  }

  @Test
  void enumerationsOfListItems() {
    ListSchema families =
        (ListSchema) K8sSchema.of(ServiceSpec.class).field("ipFamilies").orElseThrow().schema();
    assertThat(((StringSchema) families.items()).enumValues()).containsExactly("IPv4", "IPv6");
  }

  @Test
  void quantitySyntax() {
    for (String ok : new String[] {"100m", "64Mi", "1.5Gi", "1e3", "2", ".5", "+1k", "1E-2"}) {
      assertThat(Quantities.QUANTITY_FORMAT.check(ok)).as(ok).isEmpty();
    }
    for (String bad : new String[] {"", "lots", "1 Gi", "1GB", "Mi", "1.2.3", "1mi"}) {
      assertThat(Quantities.QUANTITY_FORMAT.check(bad)).as(bad).isPresent();
    }
  }
}
