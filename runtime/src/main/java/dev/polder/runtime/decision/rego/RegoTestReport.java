package dev.polder.runtime.decision.rego;

import java.util.List;

/** Results of a bundle's Rego tests. */
public record RegoTestReport(List<Result> results) {
  public RegoTestReport {
    results = List.copyOf(results);
  }

  /** One test: its rule path (data.polder.access_test.test_x), file, and failure (null if ok). */
  public record Result(String name, String file, String failure) {
    public boolean passed() {
      return failure == null;
    }
  }

  public List<Result> failures() {
    return results.stream().filter(r -> !r.passed()).toList();
  }

  public boolean passed() {
    return failures().isEmpty();
  }
}
