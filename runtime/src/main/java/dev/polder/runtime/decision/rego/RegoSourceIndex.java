package dev.polder.runtime.decision.rego;

import dev.polder.runtime.decision.rego.RegoEngine.RuleDefinition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where each rule of each package is defined, with its {@code # METADATA} title and description:
 * the decision trace names these files, and deny reasons shown to callers come from the
 * descriptions.
 */
public final class RegoSourceIndex {
  private final Map<String, List<RuleDefinition>> byPath = new HashMap<>();
  private final Set<String> packages = new TreeSet<>();

  public RegoSourceIndex(List<RuleDefinition> definitions) {
    for (RuleDefinition definition : definitions) {
      packages.add(definition.packageName());
      byPath
          .computeIfAbsent(
              definition.packageName() + "." + definition.rule(), k -> new ArrayList<>())
          .add(definition);
    }
  }

  /** Packages that define at least one rule. */
  public Set<String> packages() {
    return Collections.unmodifiableSet(packages);
  }

  /** Definitions of {@code data.<package>.<rule>}; empty when none. */
  public List<RuleDefinition> definitions(String packageName, String rule) {
    return byPath.getOrDefault(packageName + "." + rule, List.of());
  }
}
