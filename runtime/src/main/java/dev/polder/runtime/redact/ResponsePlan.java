package dev.polder.runtime.redact;

import dev.polder.pii.redact.RedactionPolicy;
import dev.polder.pii.redact.RedactionStrategy;
import java.util.Optional;

/**
 * What the edge does to the answer of one request, as the redact step decided it: scan it with
 * {@code answerPolicy} (absent: no scan) and restore the conversation's pseudonyms for the caller.
 * Attached to the call ({@code GatewayCall.attached(ResponsePlan.class)}).
 */
public record ResponsePlan(
    String conversationId, Optional<RedactionPolicy> answerPolicy, boolean restore) {

  /** Whether the answer needs any work at all. */
  public boolean active() {
    return restore || answerPolicy.isPresent();
  }

  /**
   * The answer policy: the decision's actions; pseudonyms made in an answer that is restored anyway
   * are pointless, so those keep.
   */
  static Optional<RedactionPolicy> forAnswers(RedactionPolicy decided, boolean restore) {
    java.util.Map<String, RedactionStrategy> byType = new java.util.HashMap<>();
    decided
        .byType()
        .forEach((type, strategy) -> byType.put(type, answerStrategy(strategy, restore)));
    RedactionStrategy fallback = answerStrategy(decided.fallback(), restore);
    boolean anything =
        fallback != RedactionStrategy.KEEP
            || byType.values().stream().anyMatch(s -> s != RedactionStrategy.KEEP);
    return anything ? Optional.of(new RedactionPolicy(byType, fallback)) : Optional.empty();
  }

  private static RedactionStrategy answerStrategy(RedactionStrategy s, boolean restore) {
    return restore && s == RedactionStrategy.PSEUDONYMIZE ? RedactionStrategy.KEEP : s;
  }
}
