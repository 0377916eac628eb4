package dev.polder.runtime.decision.combine;

import dev.polder.runtime.decision.DecisionPoint;
import dev.polder.runtime.decision.answer.ClassifyAnswer;
import dev.polder.runtime.decision.input.Classification;
import dev.polder.runtime.decision.input.Level;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** classify: the highest level wins (the classification so far included); labels are united. */
public final class ClassifyCombiner {
  public static final String POLICY_ERROR_LABEL = "policy-error";

  private ClassifyCombiner() {}

  public static PointOutcome<Classification> combine(
      Classification soFar, List<ClassifyAnswer> answers) {
    List<String> notes = PointOutcome.failures(answers);
    Set<String> labels = new TreeSet<>(soFar.getLabels());
    Level stated = null;
    for (ClassifyAnswer answer : answers) {
      stated = Level.max(stated, answer.getLevel());
      labels.addAll(answer.getLabels());
    }
    boolean failedClosed = !notes.isEmpty();
    Level level;
    if (failedClosed) {
      level = Level.RESTRICTED;
      labels.add(POLICY_ERROR_LABEL);
    } else if (stated == null) {
      level = Level.RESTRICTED;
      failedClosed = true;
      notes.add("no rule or policy stated a level: restricted (fail closed)");
    } else {
      level = Level.max(soFar.level(), stated);
    }
    return PointOutcome.of(
        DecisionPoint.CLASSIFY, new Classification(level, labels), answers, notes, failedClosed);
  }
}
