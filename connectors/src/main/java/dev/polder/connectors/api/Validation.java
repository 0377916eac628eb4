package dev.polder.connectors.api;

import java.time.Duration;

/** Checks shared by the spec records; every message names the offending field. */
final class Validation {
  private Validation() {}

  static void positive(Duration value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + " must be > 0, was " + value);
    }
  }

  static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value.trim();
  }
}
