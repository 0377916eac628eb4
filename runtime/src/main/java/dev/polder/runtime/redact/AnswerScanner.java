package dev.polder.runtime.redact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.pii.detect.DetectionContext;
import dev.polder.pii.detect.DetectionEngine;
import dev.polder.pii.redact.RedactionResult;
import dev.polder.pii.redact.Redactor;
import dev.polder.pii.stream.BlockedContentException;
import dev.polder.pii.stream.StreamingRedactor;
import dev.polder.pii.stream.StreamingRestorer;
import dev.polder.runtime.detect.Detectors;
import dev.polder.runtime.error.GatewayException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/**
 * The answer side of redaction, used by the edge: scans an answer with the redact decision and
 * restores the conversation's pseudonyms for the caller, as the call's {@link ResponsePlan} says.
 * Complete answers are rewritten here; streams get an {@link AnswerStream} each.
 */
@ApplicationScoped
public class AnswerScanner {

  private final Detectors detectors;
  private final Redactions redactions;

  AnswerScanner(Detectors detectors, Redactions redactions) {
    this.detectors = detectors;
    this.redactions = redactions;
  }

  /**
   * Scans and restores the texts of a complete chat or completions answer in place.
   *
   * @return whether anything changed
   * @throws GatewayException 403 when the answer contains a type whose action is block
   */
  public boolean rewrite(ResponsePlan plan, ObjectNode body) {
    Optional<Redactor> redactor = plan.answerPolicy().map(redactions::redactor);
    boolean changed = false;
    for (JsonNode choice : body.path("choices")) {
      if (!(choice instanceof ObjectNode c)) {
        continue;
      }
      if (c.get("message") instanceof ObjectNode message) {
        changed |= rewriteField(plan, redactor, message, "content");
        // The reasoning some backends return beside the answer is scanned like it.
        changed |= rewriteField(plan, redactor, message, "reasoning_content");
        changed |= rewriteField(plan, redactor, message, "reasoning");
        for (JsonNode call : message.path("tool_calls")) {
          if (call.path("function") instanceof ObjectNode function) {
            changed |= rewriteField(plan, redactor, function, "arguments");
          }
        }
      }
      changed |= rewriteField(plan, redactor, c, "text");
    }
    return changed;
  }

  private boolean rewriteField(
      ResponsePlan plan, Optional<Redactor> redactor, ObjectNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      return false;
    }
    String text = value.asText();
    String out = text;
    if (redactor.isPresent()) {
      RedactionResult result =
          redactor
              .get()
              .redact(
                  text,
                  detectors.engine().detect(text, detectors.promptContext()),
                  plan.conversationId());
      if (result.blocked()) {
        throw blocked(result.blockedTypes());
      }
      out = result.text();
    }
    if (plan.restore()) {
      out = redactions.restorer().restore(out, plan.conversationId());
    }
    if (out.equals(text)) {
      return false;
    }
    node.put(field, out);
    return true;
  }

  /** A stream filter for one streamed answer. */
  public AnswerStream stream(ResponsePlan plan) {
    DetectionEngine engine = detectors.engine();
    DetectionContext ctx = detectors.promptContext();
    Optional<Redactor> redactor = plan.answerPolicy().map(redactions::redactor);
    int window = redactions.config().streamWindow();
    return new AnswerStream(
        () ->
            new AnswerStream.Channel(
                redactor
                    .map(r -> new StreamingRedactor(engine, ctx, r, plan.conversationId(), window))
                    .orElse(null),
                plan.restore()
                    ? new StreamingRestorer(redactions.restorer(), plan.conversationId())
                    : null));
  }

  static GatewayException blocked(Set<String> types) {
    return GatewayException.forbidden(
        "policy_denied",
        "The answer contains "
            + String.join(", ", new java.util.TreeSet<>(types))
            + ", which policy never lets through.");
  }

  static GatewayException blocked(BlockedContentException e) {
    return blocked(e.blockedTypes());
  }
}
