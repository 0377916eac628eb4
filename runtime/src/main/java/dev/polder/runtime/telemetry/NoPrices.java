package dev.polder.runtime.telemetry;

import dev.polder.runtime.pipeline.GatewayCall;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Used until a price table is configured: no cost is reported. */
@ApplicationScoped
@DefaultBean
class NoPrices implements CostCalculator {
  @Override
  public Optional<Cost> cost(GatewayCall call) {
    return Optional.empty();
  }
}
