package dev.polder.runtime.decision.combine;

import dev.polder.runtime.decision.DecisionPoint;
import dev.polder.runtime.decision.answer.RedactAction;
import dev.polder.runtime.decision.answer.RedactAnswer;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * redact: the most protective action wins (block > pseudonymize > hash > mask > keep). A found type
 * that no answer covers is blocked (fail closed); so is every type when an answer failed.
 */
public final class RedactCombiner {
  private RedactCombiner() {}

  public static PointOutcome<RedactResult> combine(
      Collection<String> foundTypes, List<RedactAnswer> answers) {
    List<String> notes = PointOutcome.failures(answers);
    boolean failed = !notes.isEmpty();
    boolean failedClosed = failed;
    Map<String, RedactAction> actions = new TreeMap<>();
    for (String type : foundTypes) {
      RedactAction action = null;
      for (RedactAnswer answer : answers) {
        action = RedactAction.mostProtective(action, answer.actionFor(type));
      }
      if (failed) {
        action = RedactAction.BLOCK;
      } else if (action == null) {
        action = RedactAction.BLOCK;
        failedClosed = true;
        notes.add("no rule or policy gave an action for " + type + ": block (fail closed)");
      }
      actions.put(type, action);
    }
    RedactAction otherTypes = null;
    for (RedactAnswer answer : answers) {
      otherTypes =
          RedactAction.mostProtective(otherTypes, answer.getActions().get(RedactAnswer.ANY_TYPE));
    }
    if (failed || otherTypes == null) {
      otherTypes = RedactAction.BLOCK;
    }
    return PointOutcome.of(
        DecisionPoint.REDACT, new RedactResult(actions, otherTypes), answers, notes, failedClosed);
  }
}
