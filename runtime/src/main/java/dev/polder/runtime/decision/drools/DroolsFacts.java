package dev.polder.runtime.decision.drools;

import dev.polder.runtime.decision.input.Backend;
import dev.polder.runtime.decision.input.DecisionInput;
import dev.polder.runtime.decision.input.FindingSummary;
import dev.polder.runtime.decision.input.Settings;
import dev.polder.runtime.decision.input.Tool;
import org.kie.api.runtime.KieSession;

/**
 * Inserts the decision input as facts: Request, Principal, Classification, Settings, one
 * FindingSummary per entity type, one Backend per candidate and one Tool per requested tool.
 */
final class DroolsFacts {
  private DroolsFacts() {}

  static void insert(KieSession session, DecisionInput input, Settings settings) {
    session.insert(input.request());
    session.insert(input.principal());
    session.insert(input.classification());
    session.insert(settings);
    for (FindingSummary finding : input.findings()) {
      session.insert(finding);
    }
    for (Backend backend : input.candidates()) {
      session.insert(backend);
    }
    for (Tool tool : input.request().getTools()) {
      session.insert(tool);
    }
  }
}
