package dev.polder.runtime.decision.input;

/** Checks shared by the input types. */
final class Inputs {
  private Inputs() {}

  static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value;
  }
}
