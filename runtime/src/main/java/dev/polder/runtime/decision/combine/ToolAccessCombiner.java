package dev.polder.runtime.decision.combine;

import dev.polder.runtime.decision.DecisionPoint;
import dev.polder.runtime.decision.answer.ToolAnswer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * tool-access: deny overrides; a tool nobody allows is denied; constraints of all answers apply
 * together.
 */
public final class ToolAccessCombiner {
  private ToolAccessCombiner() {}

  public static PointOutcome<Map<String, ToolVerdict>> combine(
      Collection<String> tools, List<ToolAnswer> answers) {
    List<String> notes = PointOutcome.failures(answers);
    boolean failed = !notes.isEmpty();
    boolean failedClosed = failed;
    Map<String, ToolVerdict> verdicts = new LinkedHashMap<>();
    for (String tool : tools) {
      boolean allowed = false;
      List<String> reasons = new ArrayList<>();
      Map<String, List<Map<String, Object>>> constraints = new TreeMap<>();
      for (ToolAnswer answer : answers) {
        allowed |= answer.getAllowed().contains(tool);
        String denied = answer.getDenied().get(tool);
        if (denied != null) {
          reasons.add(denied);
        }
        answer
            .getConstraints()
            .getOrDefault(tool, Map.of())
            .forEach(
                (argument, schema) ->
                    constraints.computeIfAbsent(argument, a -> new ArrayList<>()).add(schema));
      }
      if (failed) {
        reasons.add("tool policy could not be evaluated");
      } else if (!allowed && reasons.isEmpty()) {
        reasons.add("no rule or policy allows tool " + tool);
        notes.add("tool " + tool + " allowed by nobody: denied (fail closed)");
        failedClosed = true;
      }
      boolean ok = reasons.isEmpty();
      verdicts.put(tool, new ToolVerdict(ok, ok ? "" : String.join("; ", reasons), constraints));
    }
    return PointOutcome.of(DecisionPoint.TOOL_ACCESS, verdicts, answers, notes, failedClosed);
  }
}
