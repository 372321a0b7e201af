package dev.troupe.api.kinds.app;

import dev.troupe.api.kinds.KindDef;

/** CRD printer columns shared by the claim kinds. */
final class AppColumns {
  private AppColumns() {}

  static KindDef.PrinterColumn[] claim() {
    return new KindDef.PrinterColumn[] {
      KindDef.column("Component", "string", ".spec.owner.componentName"),
      KindDef.column("Class", "string", ".spec.className"),
      KindDef.column("Environment", "string", ".status.firstEnvironment"),
      KindDef.column("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status")
    };
  }
}
