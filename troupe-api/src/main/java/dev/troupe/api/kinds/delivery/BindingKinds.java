package dev.troupe.api.kinds.delivery;

import dev.troupe.api.kinds.app.Claim;
import dev.troupe.api.kinds.app.Component;
import dev.troupe.api.kinds.app.ScheduledTask;
import dev.troupe.api.kinds.app.Service;
import dev.troupe.api.kinds.app.WebApplication;
import dev.troupe.api.kinds.classes.ScheduledTaskClass;
import dev.troupe.api.kinds.classes.ServiceClass;
import dev.troupe.api.kinds.classes.WebApplicationClass;
import dev.troupe.api.model.Resource;
import java.util.List;
import java.util.Optional;

/**
 * The three component binding kinds and what each belongs to: the component type (= claim kind),
 * the claim record and the class kind.
 */
public enum BindingKinds {
  SERVICE(
      "ServiceBinding", Component.SERVICE, ServiceBinding.class, Service.class, ServiceClass.class),
  WEB_APPLICATION(
      "WebApplicationBinding",
      Component.WEB_APPLICATION,
      WebApplicationBinding.class,
      WebApplication.class,
      WebApplicationClass.class),
  SCHEDULED_TASK(
      "ScheduledTaskBinding",
      Component.SCHEDULED_TASK,
      ScheduledTaskBinding.class,
      ScheduledTask.class,
      ScheduledTaskClass.class);

  private final String kind;
  private final String componentType;
  private final Class<? extends ComponentBinding> bindingType;
  private final Class<? extends Claim> claimType;
  private final Class<? extends Resource> classType;

  BindingKinds(
      String kind,
      String componentType,
      Class<? extends ComponentBinding> bindingType,
      Class<? extends Claim> claimType,
      Class<? extends Resource> classType) {
    this.kind = kind;
    this.componentType = componentType;
    this.bindingType = bindingType;
    this.claimType = claimType;
    this.classType = classType;
  }

  /** The binding kind name, e.g. {@code ServiceBinding}. */
  public String kind() {
    return kind;
  }

  /** The component type this binding kind requires. */
  public String componentType() {
    return componentType;
  }

  public Class<? extends ComponentBinding> bindingType() {
    return bindingType;
  }

  public Class<? extends Claim> claimType() {
    return claimType;
  }

  /** The class kind {@code spec.className} refers to. */
  public Class<? extends Resource> classType() {
    return classType;
  }

  /** The binding kind of a record type. */
  public static BindingKinds ofBinding(Class<?> type) {
    for (BindingKinds k : values()) {
      if (k.bindingType.equals(type)) {
        return k;
      }
    }
    throw new IllegalArgumentException("not a component binding type: " + type.getName());
  }

  /** The binding kind for a component type; empty for types without a runtime. */
  public static Optional<BindingKinds> ofComponentType(String type) {
    for (BindingKinds k : values()) {
      if (k.componentType.equals(type)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /** The binding record types in kind order. */
  public static List<Class<? extends ComponentBinding>> bindingTypes() {
    return List.of(ServiceBinding.class, WebApplicationBinding.class, ScheduledTaskBinding.class);
  }
}
