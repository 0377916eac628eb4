package dev.polder.runtime.decision.combine;

import dev.polder.runtime.decision.DecisionPoint;
import dev.polder.runtime.decision.answer.Answer;
import dev.polder.runtime.decision.answer.Contribution;
import java.util.ArrayList;
import java.util.List;

/**
 * A decision point's combined result with its trace: what every rule and policy said, and what the
 * combiner itself decided (notes). {@code failedClosed}: a missing or failed answer was replaced by
 * the safe default; {@code error}: an engine failed (error, timeout), which denies the request.
 */
public record PointOutcome<R>(
    DecisionPoint point,
    R result,
    List<Contribution> contributions,
    List<String> notes,
    boolean failedClosed,
    boolean error) {

  public PointOutcome {
    contributions = List.copyOf(contributions);
    notes = List.copyOf(notes);
  }

  static <R> PointOutcome<R> of(
      DecisionPoint point,
      R result,
      List<? extends Answer> answers,
      List<String> notes,
      boolean failedClosed) {
    List<Contribution> all = new ArrayList<>();
    boolean error = false;
    for (Answer answer : answers) {
      all.addAll(answer.contributions());
      error |= answer.failed();
    }
    return new PointOutcome<>(point, result, all, notes, failedClosed || error, error);
  }

  /** Notes for every failed answer; empty when none failed. */
  static List<String> failures(List<? extends Answer> answers) {
    List<String> notes = new ArrayList<>();
    for (Answer answer : answers) {
      if (answer.failed()) {
        notes.add(answer.engine() + " failed: " + answer.failure() + " (fail closed)");
      }
    }
    return notes;
  }
}
