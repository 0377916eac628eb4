package dev.polder.runtime.redact;

import dev.polder.pii.redact.RedactionPolicy;
import dev.polder.pii.redact.RedactionStrategy;
import java.util.HashMap;
import java.util.Map;
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
   * The policy for answers: the decision's actions, except that pseudonymize keeps. Pseudonyms
   * protect what leaves for a backend; an answer goes to the caller, and a pseudonym made there
   * could never be restored. Mask, hash and block apply to answers as to requests. Empty when every
   * action keeps (then the answer is not scanned and costs no hold-back).
   */
  static Optional<RedactionPolicy> forAnswers(RedactionPolicy decided) {
    Map<String, RedactionStrategy> byType = new HashMap<>();
    decided.byType().forEach((type, strategy) -> byType.put(type, answerStrategy(strategy)));
    RedactionStrategy fallback = answerStrategy(decided.fallback());
    boolean anything =
        fallback != RedactionStrategy.KEEP
            || byType.values().stream().anyMatch(s -> s != RedactionStrategy.KEEP);
    return anything ? Optional.of(new RedactionPolicy(byType, fallback)) : Optional.empty();
  }

  private static RedactionStrategy answerStrategy(RedactionStrategy s) {
    return s == RedactionStrategy.PSEUDONYMIZE ? RedactionStrategy.KEEP : s;
  }
}
