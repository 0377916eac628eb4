package dev.polder.runtime.decision.bundle;

import dev.polder.runtime.decision.DecisionPoint;
import dev.polder.runtime.decision.drools.DroolsPointRules;
import dev.polder.runtime.decision.input.Settings;
import dev.polder.runtime.decision.rego.RegoPolicies;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** A bundle that compiled and passed its tests: what the decision points evaluate. */
public record CompiledBundle(
    String hash,
    Map<DecisionPoint, DroolsPointRules> rules,
    RegoPolicies policies,
    Settings settings,
    int regoTests,
    Instant compiledAt,
    Duration compileTime) {

  public String shortHash() {
    return hash.substring(0, 12);
  }
}
