package dev.polder.pii.redact;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Strategy per entity type, with a fallback for types not listed. Built from configuration for now
 * (a map such as {@code {EMAIL_ADDRESS: mask, PERSON: pseudonymize}}); later from the redact
 * decision point.
 */
public record RedactionPolicy(Map<String, RedactionStrategy> byType, RedactionStrategy fallback) {

  public RedactionPolicy {
    byType = Map.copyOf(byType);
    Objects.requireNonNull(fallback, "fallback");
  }

  /** Parses configuration values; the key {@code default} sets the fallback (else mask). */
  public static RedactionPolicy fromConfig(Map<String, String> config) {
    Map<String, RedactionStrategy> byType = new HashMap<>();
    RedactionStrategy fallback = RedactionStrategy.MASK;
    for (Map.Entry<String, String> e : config.entrySet()) {
      RedactionStrategy strategy;
      try {
        strategy = RedactionStrategy.parse(e.getValue());
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException("redaction." + e.getKey() + ": " + ex.getMessage(), ex);
      }
      if (e.getKey().equals("default")) {
        fallback = strategy;
      } else {
        byType.put(e.getKey(), strategy);
      }
    }
    return new RedactionPolicy(byType, fallback);
  }

  public RedactionStrategy strategyFor(String entityType) {
    return byType.getOrDefault(entityType, fallback);
  }
}
