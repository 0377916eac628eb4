package dev.polder.runtime.limits;

import dev.polder.runtime.error.GatewayException;

/** A refused charge as the client sees it: 429 in OpenAI's shape, with {@code Retry-After}. */
final class LimitRefusals {

  private LimitRefusals() {}

  static GatewayException of(Charge charge) {
    GatewayException error =
        switch (charge.kind()) {
          case REQUESTS ->
              new GatewayException(
                  429,
                  "requests",
                  "rate_limit_exceeded",
                  null,
                  "Rate limit reached for "
                      + charge.scope()
                      + ": "
                      + charge.limit()
                      + " requests per minute. Try again in "
                      + charge.retryAfterSeconds()
                      + "s.");
          case TOKENS ->
              new GatewayException(
                  429,
                  "tokens",
                  "rate_limit_exceeded",
                  null,
                  "Rate limit reached for "
                      + charge.scope()
                      + ": "
                      + charge.limit()
                      + " tokens per minute; this request needs up to "
                      + charge.amount()
                      + " (prompt estimate plus max_tokens). Try again in "
                      + charge.retryAfterSeconds()
                      + "s.");
          case COST ->
              new GatewayException(
                  429,
                  "insufficient_quota",
                  "budget_exceeded",
                  null,
                  "Budget exhausted for "
                      + charge.scope()
                      + ": "
                      + PriceTable.toCurrency(charge.limit()).toPlainString()
                      + " per period. It renews in "
                      + charge.retryAfterSeconds()
                      + "s.");
        };
    return error.withHeader("Retry-After", Long.toString(charge.retryAfterSeconds()));
  }
}
