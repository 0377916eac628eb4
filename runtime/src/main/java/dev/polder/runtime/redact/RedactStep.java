package dev.polder.runtime.redact;

import dev.polder.pii.detect.Finding;
import dev.polder.pii.redact.RedactionPolicy;
import dev.polder.pii.redact.RedactionResult;
import dev.polder.pii.redact.RedactionStrategy;
import dev.polder.pii.redact.Redactor;
import dev.polder.runtime.audit.trail.CallProperties;
import dev.polder.runtime.decision.DecisionRun;
import dev.polder.runtime.decision.combine.RedactResult;
import dev.polder.runtime.detect.Detections;
import dev.polder.runtime.error.GatewayException;
import dev.polder.runtime.pipeline.GatewayCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Route step {@code redact}: applies the redact decision to the outgoing request (each finding of
 * the detect step masked, hashed or pseudonymized in place; a found type whose action is block
 * refuses the request with 403) and leaves the {@link ResponsePlan} for the edge: how to scan the
 * answer and whether to restore pseudonyms for the caller. Runs after decide-redact.
 */
@ApplicationScoped
@Named("redact")
public class RedactStep implements Processor {

  /** Where the decide-* steps keep the request's decision run. */
  static final String DECISION_RUN = "polder.decision";

  /** How many findings were replaced in the outgoing request. */
  public static final String REDACTED_HEADER = "PolderRedacted";

  static final String PSEUDONYMIZE_OBLIGATION = "pseudonymize-pii";
  static final String RESTORE_OBLIGATION = "restore-pseudonyms";

  private final Redactions redactions;

  RedactStep(Redactions redactions) {
    this.redactions = redactions;
  }

  @Override
  public void process(Exchange exchange) {
    GatewayCall call = GatewayCall.of(exchange);
    Detections detections = exchange.getProperty(Detections.PROPERTY, Detections.class);
    DecisionRun run = exchange.getProperty(DECISION_RUN, DecisionRun.class);
    if (run == null) {
      if (detections != null && !detections.isEmpty()) {
        throw new GatewayException(
            500,
            "server_error",
            "pipeline_incomplete",
            null,
            "The route runs 'redact' without 'decide-redact' before it");
      }
      return;
    }
    RedactResult result = run.redact().result();
    Set<String> obligations = run.access().result().obligations();
    RedactionPolicy policy = withObligations(Redactions.policyOf(result), obligations, detections);
    String conversation = conversationId(call);
    Map<String, Integer> replaced =
        detections == null
            ? Map.of()
            : apply(detections, redactions.redactor(policy), conversation);
    exchange
        .getMessage()
        .setHeader(REDACTED_HEADER, replaced.values().stream().mapToInt(i -> i).sum());
    // For the audit record (counts by type, never values); set even when empty.
    exchange.setProperty(CallProperties.REDACTIONS, replaced);

    boolean restore =
        switch (redactions.config().restore()) {
          case ALWAYS -> true;
          case NEVER -> false;
          case OBLIGATION -> obligations.contains(RESTORE_OBLIGATION);
        };
    Optional<RedactionPolicy> answers =
        redactions.config().responseScan() ? ResponsePlan.forAnswers(policy) : Optional.empty();
    call.attach(ResponsePlan.class, new ResponsePlan(conversation, answers, restore));
  }

  /**
   * Replaces the findings in the request's texts; refuses the request if a found type blocks.
   *
   * @return how many findings of each type were replaced
   */
  static Map<String, Integer> apply(Detections detections, Redactor redactor, String conversation) {
    Set<String> blocked = new TreeSet<>();
    for (Detections.Scanned scanned : detections.scanned()) {
      for (Finding f : scanned.findings()) {
        if (redactor.policy().strategyFor(f.type()) == RedactionStrategy.BLOCK) {
          blocked.add(f.type());
        }
      }
    }
    if (!blocked.isEmpty()) {
      throw GatewayException.forbidden(
          "policy_denied",
          "The request contains "
              + String.join(", ", blocked)
              + ", which policy never lets through.");
    }
    Map<String, Integer> replaced = new TreeMap<>();
    for (Detections.Scanned scanned : detections.scanned()) {
      boolean changes =
          scanned.findings().stream()
              .anyMatch(f -> redactor.policy().strategyFor(f.type()) != RedactionStrategy.KEEP);
      if (!changes) {
        continue;
      }
      RedactionResult redacted =
          redactor.redact(scanned.slot().text(), scanned.findings(), conversation);
      scanned.slot().replace().accept(redacted.text());
      redacted.applied().stream()
          .filter(a -> a.strategy() != RedactionStrategy.KEEP)
          .forEach(a -> replaced.merge(a.type(), 1, Integer::sum));
    }
    return replaced;
  }

  /**
   * The obligation {@code pseudonymize-pii} is enforced here too: a found type the decision would
   * keep is pseudonymized.
   */
  static RedactionPolicy withObligations(
      RedactionPolicy policy, Set<String> obligations, Detections detections) {
    if (!obligations.contains(PSEUDONYMIZE_OBLIGATION) || detections == null) {
      return policy;
    }
    Map<String, RedactionStrategy> byType = new HashMap<>(policy.byType());
    for (Detections.Scanned scanned : detections.scanned()) {
      for (Finding f : scanned.findings()) {
        if (policy.strategyFor(f.type()) == RedactionStrategy.KEEP) {
          byType.put(f.type(), RedactionStrategy.PSEUDONYMIZE);
        }
      }
    }
    return new RedactionPolicy(byType, policy.fallback());
  }

  /**
   * Pseudonyms are consistent within a conversation: the caller's conversation header, else this
   * request; always within the caller's principal, so no one restores another caller's values.
   */
  String conversationId(GatewayCall call) {
    String principal = call.principal() == null ? "" : call.principal().id();
    String conversation =
        call.header(redactions.config().conversationHeader())
            .map(value -> "c:" + value)
            .orElse("r:" + call.requestId());
    return principal + "/" + conversation;
  }
}
