package dev.polder.runtime.decision.bundle;

import java.time.Instant;
import java.util.List;

/**
 * What the health check and admin endpoint show: the bundle in service and the outcome of the last
 * load attempt (a refused change lists its problems while the old bundle keeps serving).
 */
public record BundleStatus(
    State state,
    String activeHash,
    Instant activeSince,
    long activeCompileMillis,
    int activeRegoTests,
    String lastAttemptHash,
    Instant lastAttemptAt,
    Outcome lastOutcome,
    List<String> lastProblems) {

  public enum State {
    /** Nothing compiled yet: decisions fail closed. */
    LOADING,
    /** A bundle serves decisions. */
    ACTIVE,
    /** No bundle could be loaded: decisions fail closed. */
    FAILED
  }

  public enum Outcome {
    NONE,
    ACTIVATED,
    UNCHANGED,
    REFUSED
  }

  public BundleStatus {
    lastProblems = List.copyOf(lastProblems);
  }

  public static BundleStatus loading() {
    return new BundleStatus(State.LOADING, null, null, 0, 0, null, null, Outcome.NONE, List.of());
  }

  public boolean ready() {
    return state == State.ACTIVE;
  }
}
