package dev.polder.runtime.decision.drools;

import dev.polder.runtime.decision.DecisionPoint;
import java.util.List;

/** The rules of a point do not compile; the messages name file and line. */
public final class DroolsCompileException extends RuntimeException {
  private final List<String> problems;

  public DroolsCompileException(DecisionPoint point, List<String> problems) {
    super("rules/" + point.folder() + " do not compile: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
