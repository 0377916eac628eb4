package dev.polder.runtime.decision.answer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * tool-access: tools allowed, tools denied (with a reason) and argument constraints (JSON Schema
 * keywords per argument, e.g. {@code {"pattern": "^/srv/shared/"}}). Global {@code tools}.
 */
public final class ToolAnswer extends Answer {
  private final Set<String> allowed = new TreeSet<>();
  private final Map<String, String> denied = new TreeMap<>();
  private final Map<String, Map<String, Map<String, Object>>> constraints = new TreeMap<>();

  public ToolAnswer(String engine) {
    super(engine);
  }

  public void allow(String tool) {
    allowed.add(tool);
    note("allow " + tool);
  }

  public void deny(String tool, String reason) {
    denied.merge(tool, reason, (a, b) -> a + "; " + b);
    note("deny " + tool + ": " + reason);
  }

  /** Adds a JSON Schema keyword that the tool's argument must satisfy. */
  public void constrain(String tool, String argument, String keyword, Object value) {
    constraints
        .computeIfAbsent(tool, t -> new TreeMap<>())
        .computeIfAbsent(argument, a -> new LinkedHashMap<>())
        .put(keyword, value);
    note("constrain " + tool + "." + argument + " " + keyword + "=" + value);
  }

  /** For rules: the argument must match a regular expression. */
  public void constrainPattern(String tool, String argument, String regex) {
    constrain(tool, argument, "pattern", regex);
  }

  /** For rules: the argument must be one of the values. */
  public void constrainEnum(String tool, String argument, List<String> values) {
    constrain(tool, argument, "enum", List.copyOf(values));
  }

  public Set<String> getAllowed() {
    return Set.copyOf(allowed);
  }

  public Map<String, String> getDenied() {
    return Map.copyOf(denied);
  }

  public Map<String, Map<String, Map<String, Object>>> getConstraints() {
    return constraints;
  }

  @Override
  public boolean isEmpty() {
    return allowed.isEmpty() && denied.isEmpty() && constraints.isEmpty();
  }
}
