package dev.polder.runtime.telemetry;

import dev.polder.runtime.pipeline.GatewayCall;
import java.util.Optional;

/**
 * What a finished call cost, for the {@code polder.cost} metric. The default bean knows no prices;
 * the budgets' price table (configuration, never fetched) provides one by declaring a bean of this
 * type.
 */
public interface CostCalculator {

  /** The cost of a finished call, if prices are known for its model and backend. */
  Optional<Cost> cost(GatewayCall call);

  /** An amount in a currency (e.g. "EUR"). */
  record Cost(double amount, String currency) {}
}
