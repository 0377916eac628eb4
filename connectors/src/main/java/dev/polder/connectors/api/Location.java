package dev.polder.connectors.api;

/**
 * Where a backend runs. An external backend is outside the organisation's domain: the runtime only
 * calls it when the access decision permits egress.
 */
public enum Location {
  INTERNAL,
  EXTERNAL;

  /** Parses {@code internal} / {@code external} (any case), naming the field on error. */
  public static Location parse(String value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is required (internal|external)");
    }
    return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "internal" -> INTERNAL;
      case "external" -> EXTERNAL;
      default ->
          throw new IllegalArgumentException(
              field + " must be internal or external, was '" + value + "'");
    };
  }
}
