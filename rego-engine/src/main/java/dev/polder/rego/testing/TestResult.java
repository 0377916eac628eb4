package dev.polder.rego.testing;

import dev.polder.rego.ast.Location;
import java.util.List;

/**
 * The outcome of one {@code test_*} rule.
 *
 * @param name full name, e.g. {@code data.polder.access.test_allow}
 * @param location where the test rule is defined
 * @param outcome PASS, FAIL (false or undefined) or ERROR (evaluation error)
 * @param error the error message when outcome is ERROR
 * @param output what the test printed
 */
public record TestResult(
    String name,
    Location location,
    Outcome outcome,
    String error,
    long nanos,
    List<String> output) {
  public enum Outcome {
    PASS,
    FAIL,
    ERROR
  }

  public boolean passed() {
    return outcome == Outcome.PASS;
  }
}
