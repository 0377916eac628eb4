package dev.polder.runtime.decision.pipeline;

import dev.polder.runtime.config.GatewayConfig;
import dev.polder.runtime.decision.DecisionRun;
import dev.polder.runtime.decision.DecisionService;
import dev.polder.runtime.decision.combine.PointOutcome;
import dev.polder.runtime.error.GatewayException;
import dev.polder.runtime.pipeline.GatewayCall;
import java.util.List;
import org.apache.camel.Exchange;
import org.jboss.logging.Logger;

/**
 * What the decide-* steps share: the request's decision run (exchange property {@link #RUN}, so
 * later steps and the audit see the same decision and bundle) and the 403 for a refusal.
 */
final class DecideSteps {
  /**
   * Exchange property holding the {@link DecisionRun}; {@code run.decision().trace()} for audit.
   */
  static final String RUN = "polder.decision";

  static final String DECISION_HEADER = "PolderDecision";
  static final String BUNDLE_HEADER = "PolderBundle";

  private static final Logger LOG = Logger.getLogger(DecideSteps.class);

  private DecideSteps() {}

  static DecisionRun run(Exchange exchange, DecisionService service, GatewayConfig config) {
    DecisionRun run = exchange.getProperty(RUN, DecisionRun.class);
    if (run == null) {
      GatewayCall call = GatewayCall.of(exchange);
      run = service.start(PipelineDecisionInput.of(exchange, call, config));
      exchange.setProperty(RUN, run);
      exchange.getMessage().setHeader(BUNDLE_HEADER, run.bundleHash());
    }
    return run;
  }

  /**
   * The response header {@code x-polder-decision}: {@code allow|deny; level=<classification>;
   * egress=<true|false>; bundle=<first 12 hex digits>}. Egress is what this request gets (policy
   * and key together), not what policy alone would permit.
   */
  static String summary(boolean allowed, DecisionRun run, GatewayCall call) {
    String bundle = run.bundleHash();
    return (allowed ? "allow" : "deny")
        + "; level="
        + run.classify().result().getLevel()
        + "; egress="
        + (allowed && call.egressPermitted())
        + "; bundle="
        + (bundle.isEmpty() ? "none" : bundle.substring(0, Math.min(12, bundle.length())));
  }

  /** Refuses the request (403, OpenAI error shape) when the points answered so far deny it. */
  static void refuseIfDenied(Exchange exchange, DecisionRun run) {
    List<String> reasons = run.reasons();
    exchange.getMessage().setHeader(DECISION_HEADER, reasons.isEmpty() ? "allow" : "deny");
    GatewayCall call = GatewayCall.of(exchange);
    call.egressPermitted(call.egressPermitted() && reasons.isEmpty() && run.egress());
    call.decisionSummary(summary(reasons.isEmpty(), run, call));
    if (!reasons.isEmpty()) {
      // Callers read the reasons; operators need the failing rule too.
      for (PointOutcome<?> outcome : run.decision().outcomes()) {
        if (outcome.failedClosed()) {
          LOG.warnf(
              "request %s, %s failed closed: %s %s",
              call.requestId(), outcome.point().folder(), outcome.notes(), outcome.contributions());
        }
      }
      throw GatewayException.forbidden("policy_denied", String.join(" ", reasons));
    }
  }
}
