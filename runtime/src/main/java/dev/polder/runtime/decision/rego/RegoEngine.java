package dev.polder.runtime.decision.rego;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The Rego side of the decision points, behind a small interface so the framework does not depend
 * on the evaluator's internals. Implemented with rego-engine by {@link PolderRegoEngine}.
 */
public interface RegoEngine {

  /**
   * Compiles the modules (bundle-relative path → source, tests included) with the data document.
   *
   * @throws RegoFailure with every compile error, naming file and line
   */
  RegoProgram compile(Map<String, String> modules, Map<String, Object> data);

  /** A compiled bundle of policies; thread-safe. */
  interface RegoProgram {
    /** Converts an input document once, for several evaluations. */
    Object prepareInput(Map<String, Object> input);

    /**
     * Evaluates a document reference (e.g. {@code data.polder.access}) for a prepared input;
     * returns the value as JSON-shaped Java (Map, List, String, Number, Boolean), or null when
     * undefined.
     *
     * @throws RegoFailure on an evaluation error (conflict, built-in error, time limit)
     */
    Object evaluate(String reference, Object preparedInput, Duration limit);

    /** Every rule definition with its file, line and METADATA (for traces and deny reasons). */
    List<RuleDefinition> definitions();

    /** Runs every {@code test_*} rule of the {@code *_test.rego} modules. */
    RegoTestReport runTests();
  }

  /** Where a rule of a package is defined, with its METADATA title and description (or null). */
  record RuleDefinition(
      String packageName, String rule, String file, int line, String title, String description) {}
}
