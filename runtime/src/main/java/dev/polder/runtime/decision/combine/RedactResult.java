package dev.polder.runtime.decision.combine;

import dev.polder.runtime.decision.answer.RedactAction;
import java.util.Map;

/**
 * The combined redaction: an action for every entity type found, and the action for any other type
 * (e.g. one found later in a response).
 */
public record RedactResult(Map<String, RedactAction> actions, RedactAction otherTypes) {
  public RedactResult {
    actions = Map.copyOf(actions);
  }

  public RedactAction actionFor(String entityType) {
    return actions.getOrDefault(entityType, otherTypes);
  }

  /** True if any found type must block the request. */
  public boolean blocks() {
    return actions.containsValue(RedactAction.BLOCK);
  }
}
