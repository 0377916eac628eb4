package dev.polder.runtime.decision.answer;

import java.util.ArrayList;
import java.util.List;

/**
 * One engine's answer to one decision point. Drools rules fill it through their global; the Rego
 * side fills it from the package's document. Every statement is recorded as a {@link Contribution}
 * of the rule that is currently speaking, so the trace names its source.
 */
public abstract class Answer {
  private final String engine;
  private final List<Contribution> contributions = new ArrayList<>();
  private String currentRule = "";
  private String currentFile = "";
  private String failure;

  protected Answer(String engine) {
    this.engine = engine;
  }

  public String engine() {
    return engine;
  }

  /** Sets the rule that the next statements come from (called by the engine, not by authors). */
  public void speaking(String rule, String file) {
    this.currentRule = rule == null ? "" : rule;
    this.currentFile = file == null ? "" : file;
  }

  protected void note(String effect) {
    contributions.add(new Contribution(engine, currentRule, currentFile, effect));
  }

  public List<Contribution> contributions() {
    return List.copyOf(contributions);
  }

  /** Marks the answer as failed: the combiner then fails closed. */
  public void fail(String reason) {
    this.failure = reason;
    note("error: " + reason);
  }

  public String failure() {
    return failure;
  }

  public boolean failed() {
    return failure != null;
  }

  /** Whether any rule said anything (an answer with no statements abstains). */
  public abstract boolean isEmpty();
}
