package dev.polder.runtime.decision;

import dev.polder.runtime.decision.bundle.BundleManager;
import dev.polder.runtime.decision.input.DecisionInput;
import java.time.Duration;

/**
 * Answers the decision points for one request with the bundle in service. {@link #decide} answers
 * all of them; {@link #start} lets pipeline steps answer them one at a time. Never throws for a
 * policy problem: errors, over-time evaluations and missing answers deny.
 */
public final class DecisionService {
  public static final String DROOLS = "drools";
  public static final String REGO = "rego";
  public static final String NO_BUNDLE_REASON =
      "No policy bundle is loaded yet; requests are refused until one is.";

  private final BundleManager bundles;
  private final Duration pointLimit;

  /**
   * @param pointLimit time one engine may take for one point; slower answers count as failed
   */
  public DecisionService(BundleManager bundles, Duration pointLimit) {
    this.bundles = bundles;
    this.pointLimit = pointLimit;
  }

  public BundleManager bundles() {
    return bundles;
  }

  /** Starts a decision on the bundle in service now; the run keeps that bundle to its end. */
  public DecisionRun start(DecisionInput input) {
    return new DecisionRun(bundles.current(), input, pointLimit);
  }

  public Decision decide(DecisionInput input) {
    return start(input).decision();
  }
}
