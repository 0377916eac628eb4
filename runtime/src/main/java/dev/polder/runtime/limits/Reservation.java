package dev.polder.runtime.limits;

import java.util.List;

/**
 * What the {@code reserve} step took for a call, kept on the call for {@code reconcile}.
 *
 * @param charges the counters drawn on, with the amounts taken
 * @param backend the backend the cost was estimated for
 * @param promptTokens the prompt estimate
 * @param completionTokens the completion tokens reserved
 */
public record Reservation(
    List<Charge> charges, String backend, long promptTokens, long completionTokens) {

  public Reservation {
    charges = List.copyOf(charges);
  }

  public long tokens() {
    return promptTokens + completionTokens;
  }
}
