package dev.polder.runtime.limits;

/**
 * One counter a request draws on: a rate window of a key, team or model, or a team's budget for a
 * period.
 *
 * @param counter the counter's name in the shared cache, window or period included
 * @param kind what is counted
 * @param scope whose counter, for the refusal message, e.g. {@code team 'research'}
 * @param amount what this request adds (1 request, tokens, or cost in nano-units)
 * @param limit the most the counter may reach
 * @param lifespanMillis how long the counter is kept after its last write
 * @param retryAfterSeconds until the window or period ends
 */
public record Charge(
    String counter,
    Kind kind,
    String scope,
    long amount,
    long limit,
    long lifespanMillis,
    long retryAfterSeconds) {

  /** What a counter counts. */
  public enum Kind {
    REQUESTS,
    TOKENS,
    COST
  }

  public Charge withAmount(long value) {
    return new Charge(counter, kind, scope, value, limit, lifespanMillis, retryAfterSeconds);
  }
}
