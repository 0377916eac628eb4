package dev.polder.runtime.decision.drools;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.BeforeMatchFiredEvent;

/** Finds the file a rule came from, relative to the bundle root (e.g. rules/access/x.drl). */
final class RuleSources {
  static final String KIE_PREFIX = "src/main/resources/";

  private RuleSources() {}

  static String of(BeforeMatchFiredEvent event) {
    return of(event.getMatch().getRule());
  }

  static String of(Rule rule) {
    if (rule instanceof RuleImpl impl && impl.getResource() != null) {
      String path = impl.getResource().getSourcePath();
      if (path != null) {
        return path.startsWith(KIE_PREFIX) ? path.substring(KIE_PREFIX.length()) : path;
      }
    }
    return "";
  }
}
