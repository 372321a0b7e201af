package dev.troupe.api.admission;

/**
 * The stable rule codes of admission problems (model.md §4.3). Clients and tests match on them; the
 * constant names are the wire names.
 */
public enum Rule {
  ParseError,
  DuplicateKey,
  UnknownAPIVersion,
  UnknownKind,
  LegacyKind,
  LegacyShape,
  UnknownField,
  TypeMismatch,
  Required,
  EnumValue,
  InvalidFormat,
  InvalidName,
  Range,
  TooLong,
  Duplicate,
  MutuallyExclusive,
  OneOfRequired,
  NotFound,
  CrossNamespaceReference,
  InvalidReference,
  InvalidGraph,
  InvalidPromotionPath,
  InvalidTemplate,
  Conflict,
  Immutable,
  Forbidden,
  FieldManagedByPlatform,
  LabelMismatch,
  InUse,
  Unsupported,
  ContentMismatch,
  Terminating,
  // warning-only codes (model.md §4.6)
  EmptyExposeLevels,
  NotRendered,
  IgnoredField,
  NoMainContainerKey,
  NoRuntimeSupport,
  SecretMoved,
  BroadEgress
}
