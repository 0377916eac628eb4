package dev.polder.runtime.decision.combine;

import java.util.List;
import java.util.Map;

/**
 * Whether one tool may be called, why not, and the constraints on its arguments (per argument, a
 * list of JSON Schema fragments that must all hold).
 */
public record ToolVerdict(
    boolean allowed, String reason, Map<String, List<Map<String, Object>>> constraints) {
  public ToolVerdict {
    constraints = Map.copyOf(constraints);
  }
}
