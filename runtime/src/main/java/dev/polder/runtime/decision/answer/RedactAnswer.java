package dev.polder.runtime.decision.answer;

import java.util.Map;
import java.util.TreeMap;

/**
 * redact: an action per entity type; the type {@code *} is the answer's action for every type it
 * does not name. Global {@code redact}.
 */
public final class RedactAnswer extends Answer {
  public static final String ANY_TYPE = "*";
  private final Map<String, RedactAction> actions = new TreeMap<>();

  public RedactAnswer(String engine) {
    super(engine);
  }

  public void action(String entityType, String action) {
    RedactAction parsed = RedactAction.parse(action);
    actions.merge(entityType, parsed, RedactAction::mostProtective);
    note(entityType + "=" + parsed.label());
  }

  /** This answer's action for a type: its own entry, else its {@code *} entry, else null. */
  public RedactAction actionFor(String entityType) {
    RedactAction own = actions.get(entityType);
    return own != null ? own : actions.get(ANY_TYPE);
  }

  public Map<String, RedactAction> getActions() {
    return Map.copyOf(actions);
  }

  @Override
  public boolean isEmpty() {
    return actions.isEmpty();
  }
}
