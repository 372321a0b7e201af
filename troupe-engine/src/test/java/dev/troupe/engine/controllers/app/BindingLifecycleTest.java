package dev.troupe.engine.controllers.app;

import static dev.troupe.engine.controllers.app.AppFixture.ready;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Revision bound and numbering, Suspend/Undeploy/resume, API claims and ScheduledTask parity. */
class BindingLifecycleTest {
  @TempDir Path dir;
  AppFixture f;

  @BeforeEach
  void start() {
    f = new AppFixture(dir);
    f.apply(
        AppFixture.sample("apps/shop-project.yaml")
            + "\n---\n"
            + AppFixture.sample("classes/standard-service.yaml")
            + "\n---\n"
            + AppFixture.sample("classes/nightly-task.yaml")
            + "\n---\n"
            + AppFixture.sample("platform/shop-config.yaml")
            + "\n---\n"
            + AppFixture.sample("apps/inventory.yaml"));
    f.awaitIdle();
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void cachedRecordsOfStatusWrittenObjectsEqualAFullDecode() {
    // Bindings, Releases and Components were written many times (spec once, status after); the
    // cache decodes a status-only version reusing the previous record's spec.
    f.apply(AppFixture.sample("apps/reports.yaml"));
    f.awaitIdle();
    int compared = 0;
    for (String kind : List.of("ServiceBinding", "ScheduledTaskBinding", "Release", "Component")) {
      var def = dev.troupe.api.kinds.Kinds.byName(kind).orElseThrow();
      for (ObjectNode tree : f.cache.trees(kind, AppFixture.NS)) {
        var key = dev.troupe.engine.store.ObjectKey.of(tree);
        var typed = f.cache.typed(def.type(), key).orElseThrow();
        assertThat(typed.value())
            .as("%s", key)
            .isEqualTo(dev.troupe.engine.view.StoreView.decode(def, typed.tree()));
        compared++;
      }
    }
    assertThat(compared).as("2 bindings, 2 Releases, 2 Components").isEqualTo(6);
  }

  @Test
  void historyIsBoundedAndNumbersAreNeverReused() {
    f.edit(
        "ServiceBinding",
        "inventory",
        b -> ((ObjectNode) b.path("spec")).put("revisionHistoryLimit", 2));
    f.awaitIdle();
    String[] classes = {"default", "standard-service", "default"};
    for (String c : classes) {
      f.edit("ServiceBinding", "inventory", b -> ((ObjectNode) b.path("spec")).put("className", c));
      f.awaitIdle();
    }
    ObjectNode b = f.get("ServiceBinding", "inventory");
    List<Long> numbers = new ArrayList<>();
    b.path("status").path("history").forEach(e -> numbers.add(e.path("revision").asLong()));
    assertThat(numbers).containsExactly(3L, 4L);
    assertThat(b.path("status").path("currentRevision").asLong()).isEqualTo(4);
    JsonNode current = b.path("status").path("history").get(1);
    assertThat(current.path("className").asText()).isEqualTo("default");
    assertThat(current.path("reason").asText()).isEqualTo("Edit");
    assertThat(current.path("by").asText()).isEqualTo("alice@example.com");
  }

  @Test
  void suspendUndeployAndResume() {
    assertThat(f.get("Release", "inventory").path("metadata").path("finalizers").toString())
        .as("created with the Release controller's cleanup finalizer")
        .isEqualTo("[\"openchoreo.dev/dataplane-cleanup\"]");
    f.edit(
        "ServiceBinding",
        "inventory",
        b -> ((ObjectNode) b.path("spec")).put("releaseState", "Suspend"));
    f.awaitIdle();
    assertThat(f.get("Release", "inventory").path("spec").toString()).contains("\"replicas\":0");
    f.releaseApplied("inventory", "Healthy", "Healthy", "Healthy", "Suspended");
    f.awaitIdle();
    assertThat(ready(f.get("ServiceBinding", "inventory"))).isEqualTo("False/ResourcesSuspended");
    assertThat(f.get("ServiceBinding", "inventory").path("status").path("currentRevision").asLong())
        .as("releaseState is not revisioned")
        .isEqualTo(1);

    f.edit(
        "ServiceBinding",
        "inventory",
        b -> ((ObjectNode) b.path("spec")).put("releaseState", "Undeploy"));
    f.awaitIdle();
    ObjectNode b = f.get("ServiceBinding", "inventory");
    assertThat(f.exists("Release", "inventory")).isFalse();
    assertThat(ready(b)).isEqualTo("False/ResourcesUndeployed");
    assertThat(AppFixture.condition(b, "Ready").path("message").asText())
        .isEqualTo("Resources undeployed");
    assertThat(b.path("status").path("endpoints").size()).isEqualTo(1);
    assertThat(b.path("status").path("history").size()).isEqualTo(1);
    assertThat(
            f.get("Component", "inventory")
                .path("status")
                .path("environments")
                .get(0)
                .path("displayStatus")
                .asText())
        .isEqualTo("Undeployed");

    f.edit(
        "ServiceBinding",
        "inventory",
        x -> ((ObjectNode) x.path("spec")).put("releaseState", "Active"));
    f.awaitIdle();
    assertThat(f.exists("Release", "inventory")).isTrue();
    assertThat(f.get("Release", "inventory").path("spec").toString()).contains("\"replicas\":2");
    assertThat(ready(f.get("ServiceBinding", "inventory"))).isEqualTo("False/ReleasePending");
  }

  @Test
  void apiClaimMaintainsItsApiBinding() {
    f.apply(AppFixture.sample("classes/public-api.yaml"));
    f.applySingle(AppFixture.sample("apps/orders.yaml"));
    f.applySingle(AppFixture.sample("apps/orders-admin-api.yaml"));
    f.awaitIdle();
    ObjectNode api = f.get("API", "orders-admin");
    ObjectNode ab = f.get("APIBinding", "orders-admin");
    assertThat(Meta.controlledBy(ab, api)).isTrue();
    assertThat(ab.path("spec").path("apiName").asText()).isEqualTo("orders-admin");
    assertThat(ab.path("spec").path("apiClassName").asText()).isEqualTo("default");
    assertThat(ab.path("spec").path("environmentName").asText()).isEqualTo("staging");
    assertThat(ab.path("spec").path("apiSpec").path("rest").path("backend").path("port").asInt())
        .isEqualTo(8080);
    assertThat(ready(ab)).isEqualTo("False/BackendNotFound");
    assertThat(ready(f.get("API", "orders-admin"))).isEqualTo("False/BackendNotFound");
    assertThat(f.exists("Release", "orders-admin")).isFalse();

    // A staging binding of the owner component appears (as a promotion would write it).
    ObjectNode dev = f.get("ServiceBinding", "orders");
    f.applySingle(
        """
        apiVersion: openchoreo.dev/v1alpha1
        kind: ServiceBinding
        metadata: {name: orders-staging, namespace: default}
        spec:
          owner: {projectName: shop, componentName: orders}
          environment: staging
          className: standard-service
        """
            + "  workloadSpec: "
            + dev.path("spec").path("workloadSpec").toString()
            + "\n");
    f.awaitIdle();
    ab = f.get("APIBinding", "orders-admin");
    assertThat(ready(ab)).isEqualTo("False/ReleasePending");
    assertThat(f.exists("Release", "orders-admin")).isTrue();
    assertThat(ab.path("status").path("currentRevision").asLong()).isEqualTo(1);
    assertThat(ab.path("status").path("history").get(0).path("apiClassName").asText())
        .isEqualTo("default");
    assertThat(f.get("API", "orders-admin").path("status").path("address").asText())
        .contains("staging");
  }

  @Test
  void scheduledTaskHasFullParity() {
    f.apply(AppFixture.sample("apps/reports.yaml"));
    f.awaitIdle();
    ObjectNode b = f.get("ScheduledTaskBinding", "reports");
    assertThat(b.path("spec").path("className").asText()).isEqualTo("nightly-task");
    assertThat(f.get("Release", "reports").path("spec").toString())
        .contains("\"kind\":\"CronJob\"");
    assertThat(ready(b)).isEqualTo("False/ReleasePending");

    f.edit(
        "ScheduledTask",
        "reports",
        s -> ((ObjectNode) s.path("spec")).put("schedule", "0 3 * * *").put("timeZone", "UTC"));
    f.awaitIdle();
    b = f.get("ScheduledTaskBinding", "reports");
    assertThat(b.path("spec").path("schedule").asText()).isEqualTo("0 3 * * *");
    assertThat(b.path("status").path("currentRevision").asLong()).isEqualTo(2);
    assertThat(b.path("status").path("history").get(1).path("schedule").asText())
        .isEqualTo("0 3 * * *");
    assertThat(f.get("Release", "reports").path("spec").toString()).contains("0 3 * * *");

    f.releaseApplied("reports");
    f.awaitIdle();
    assertThat(ready(f.get("ScheduledTaskBinding", "reports"))).isEqualTo("True/ResourcesActive");
    assertThat(ready(f.get("ScheduledTask", "reports"))).isEqualTo("True/ResourcesActive");
    f.edit(
        "ScheduledTaskBinding",
        "reports",
        x -> ((ObjectNode) x.path("spec")).put("releaseState", "Suspend"));
    f.awaitIdle();
    assertThat(f.get("Release", "reports").path("spec").toString()).contains("\"suspend\":true");
  }
}
