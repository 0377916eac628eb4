package dev.polder.runtime.limits;

import dev.polder.runtime.config.GatewayConfig;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

/**
 * Cost of tokens per backend, from {@code polder.prices} (per million tokens). Counted in
 * nano-units of the currency so that counters stay exact integers: a price of 0.10 per million is
 * 100 nano-units per token.
 */
public final class PriceTable {

  /** Nano-units per currency unit. */
  public static final BigDecimal NANO = BigDecimal.valueOf(1_000_000_000L);

  private static final BigDecimal PER_TOKEN = BigDecimal.valueOf(1_000L);

  private record PerToken(BigDecimal input, BigDecimal output) {}

  private final Map<String, PerToken> prices = new HashMap<>();

  public PriceTable(Map<String, GatewayConfig.Price> prices) {
    prices.forEach(
        (backend, price) ->
            this.prices.put(
                backend,
                new PerToken(
                    price.input().multiply(PER_TOKEN), price.output().multiply(PER_TOKEN))));
  }

  public boolean priced(String backend) {
    return backend != null && prices.containsKey(backend);
  }

  /** Cost in nano-units, rounded up; 0 for a backend without a price. */
  public long costNanos(String backend, long inputTokens, long outputTokens) {
    PerToken price = backend == null ? null : prices.get(backend);
    if (price == null) {
      return 0;
    }
    return price
        .input()
        .multiply(BigDecimal.valueOf(inputTokens))
        .add(price.output().multiply(BigDecimal.valueOf(outputTokens)))
        .setScale(0, RoundingMode.CEILING)
        .longValueExact();
  }

  /** Nano-units as currency units, e.g. 1500000 → 0.0015. */
  public static BigDecimal toCurrency(long nanos) {
    return BigDecimal.valueOf(nanos).divide(NANO).stripTrailingZeros();
  }

  public static long toNanos(BigDecimal amount) {
    return amount.multiply(NANO).setScale(0, RoundingMode.FLOOR).longValueExact();
  }
}
