package dev.polder.runtime.telemetry;

import dev.polder.runtime.decision.DecisionRun;
import dev.polder.runtime.decision.input.FindingSummary;
import dev.polder.runtime.pipeline.GatewayCall;
import io.opentelemetry.api.trace.Span;
import org.apache.camel.Exchange;
import org.jboss.logging.Logger;

/**
 * What the decide-* steps left on the exchange, as span attributes and metrics: the outcome per
 * point (header {@code PolderDecision}), the classification and bundle of the request's {@link
 * DecisionRun} (property {@code polder.decision}), and its findings by type (once per request).
 */
final class StepFacts {

  private static final Logger LOG = Logger.getLogger(StepFacts.class);
  static final String DECIDE_PREFIX = "decide-";
  // Set by the decide-* steps (decision.pipeline.DecideSteps).
  static final String DECISION_RUN_PROPERTY = "polder.decision";
  static final String DECISION_HEADER = "PolderDecision";
  private static final String FINDINGS_COUNTED = "polder.telemetry.findings-counted";

  private final GatewayMetrics metrics;

  StepFacts(GatewayMetrics metrics) {
    this.metrics = metrics;
  }

  void afterStep(String step, Exchange exchange, GatewayCall call, Span stepSpan) {
    if (!step.startsWith(DECIDE_PREFIX)) {
      return;
    }
    String point = step.substring(DECIDE_PREFIX.length());
    String outcome = exchange.getMessage().getHeader(DECISION_HEADER, String.class);
    if (outcome == null) {
      outcome = exchange.getException() == null ? "allow" : "error";
    }
    Span request = Span.fromContext(call.traceContext());
    stepSpan.setAttribute(GenAi.DECISION, outcome);
    request.setAttribute(GenAi.DECISION, outcome);
    metrics.decision(call, point, outcome);
    DecisionRun run = exchange.getProperty(DECISION_RUN_PROPERTY, DecisionRun.class);
    if (run == null) {
      return;
    }
    try {
      // Every decide-* step has answered classify by now: this reads, it does not evaluate.
      String level = run.classify().result().getLevel();
      stepSpan.setAttribute(GenAi.CLASSIFICATION, level);
      request.setAttribute(GenAi.CLASSIFICATION, level);
      request.setAttribute(GenAi.BUNDLE, run.bundleHash());
      if (exchange.getProperty(FINDINGS_COUNTED) == null) {
        exchange.setProperty(FINDINGS_COUNTED, Boolean.TRUE);
        for (FindingSummary finding : run.input().findings()) {
          metrics.findings(call, finding.getType(), finding.getCount());
        }
      }
    } catch (RuntimeException e) {
      LOG.debugf(e, "Request %s: no decision facts for telemetry", call.requestId());
    }
  }
}
