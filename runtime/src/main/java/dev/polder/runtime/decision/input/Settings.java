package dev.polder.runtime.decision.input;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The bundle's settings ({@code data.polder.settings} in {@code policies/data.json}, with the
 * configured pattern): a Drools fact so rules read the same values as the Rego policies.
 */
public final class Settings {
  private final String pattern;
  private final Map<String, Object> values;

  public Settings(String pattern, Map<String, Object> values) {
    this.pattern = pattern == null ? "" : pattern;
    this.values =
        values == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
  }

  public String getPattern() {
    return pattern;
  }

  public Map<String, Object> getValues() {
    return values;
  }

  /** A list setting as strings; empty when missing. */
  public List<String> list(String key) {
    Object value = values.get(key);
    if (value instanceof Collection<?> items) {
      return items.stream().map(String::valueOf).toList();
    }
    return List.of();
  }

  /** Whether the list setting {@code key} contains {@code item}. */
  public boolean listed(String key, String item) {
    return list(key).contains(item);
  }

  /** A text setting; null when missing. */
  public String text(String key) {
    Object value = values.get(key);
    return value == null ? null : String.valueOf(value);
  }

  public double number(String key, double fallback) {
    return values.get(key) instanceof Number n ? n.doubleValue() : fallback;
  }
}
