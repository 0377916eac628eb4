package dev.polder.rego.builtins;

/**
 * Bounds on one evaluation, so that hostile policies or inputs are refused rather than hanging the
 * gateway or exhausting memory.
 *
 * @param maxSteps evaluation steps (unifications, rule and built-in calls) per evaluation
 * @param maxDepth nesting of rule/function calls and comprehensions
 * @param maxOutputElements elements of any single collection a built-in or comprehension builds
 */
public record Limits(long maxSteps, int maxDepth, int maxOutputElements) {
  public static final Limits DEFAULT = new Limits(50_000_000L, 200, 10_000_000);

  public Limits {
    if (maxSteps <= 0 || maxDepth <= 0 || maxOutputElements <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }
}
