package dev.polder.runtime.config;

import dev.polder.connectors.api.BackendSpec;
import dev.polder.connectors.api.CircuitBreakerSettings;
import dev.polder.connectors.api.Location;
import dev.polder.connectors.api.RetryPolicy;
import dev.polder.connectors.api.Timeouts;

/** Turns a configured backend into the connectors' {@link BackendSpec}. */
public final class BackendSpecs {

  private BackendSpecs() {}

  /**
   * @throws IllegalArgumentException whose message starts with the offending key below {@code
   *     polder.backends.<name>}
   */
  public static BackendSpec of(String name, GatewayConfig.Backend backend) {
    GatewayConfig.Timeouts t = backend.timeouts();
    GatewayConfig.Retry r = backend.retry();
    GatewayConfig.CircuitBreaker c = backend.circuitBreaker();
    BackendSpec.Builder builder =
        BackendSpec.builder(name, backend.provider(), backend.url().orElse(null))
            .location(
                backend.location() == GatewayConfig.Location.external
                    ? Location.EXTERNAL
                    : Location.INTERNAL)
            .timeouts(new Timeouts(t.connect(), t.firstByte(), t.idle(), t.total()))
            .retry(
                new RetryPolicy(
                    r.maxAttempts(),
                    r.initialBackoff(),
                    r.maxBackoff(),
                    r.multiplier(),
                    r.jitter()))
            .circuitBreaker(
                new CircuitBreakerSettings(
                    c.consecutiveFailures(),
                    c.failureRatio(),
                    c.window(),
                    c.minimumCalls(),
                    c.openDuration()));
    backend.apiKey().ifPresent(builder::apiKey);
    backend.model().ifPresent(builder::upstreamModel);
    return builder.build();
  }
}
