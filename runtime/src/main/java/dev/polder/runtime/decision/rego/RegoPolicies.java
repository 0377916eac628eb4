package dev.polder.runtime.decision.rego;

import dev.polder.runtime.decision.DecisionPoint;
import dev.polder.runtime.decision.answer.Answer;
import java.time.Duration;
import java.util.Map;

/**
 * The compiled Rego policies of one bundle: evaluates {@code data.polder.<point>} into the point's
 * answer. A package that does not exist abstains; an error marks the answer failed.
 */
public final class RegoPolicies {
  private final RegoEngine.RegoProgram program;
  private final RegoSourceIndex index;
  private final RegoAnswers answers;

  public RegoPolicies(RegoEngine.RegoProgram program) {
    this.program = program;
    this.index = new RegoSourceIndex(program.definitions());
    this.answers = new RegoAnswers(index);
  }

  public boolean answers(DecisionPoint point) {
    return index.packages().contains(point.regoPackage());
  }

  /** Converts the input document once for all points of a request. */
  public Object prepareInput(Map<String, Object> input) {
    return program.prepareInput(input);
  }

  public void evaluate(DecisionPoint point, Object preparedInput, Duration limit, Answer answer) {
    if (!answers(point)) {
      return;
    }
    try {
      answers.read(point, program.evaluate(point.regoQuery(), preparedInput, limit), answer);
    } catch (RegoFailure e) {
      answer.speaking(point.regoQuery(), "");
      answer.fail(e.getMessage());
    } catch (RuntimeException e) {
      answer.speaking(point.regoQuery(), "");
      answer.fail(point.regoQuery() + " failed: " + e);
    }
  }

  public RegoTestReport runTests() {
    return program.runTests();
  }

  public java.util.List<RegoEngine.RuleDefinition> definitions() {
    return program.definitions();
  }

  public RegoSourceIndex index() {
    return index;
  }
}
