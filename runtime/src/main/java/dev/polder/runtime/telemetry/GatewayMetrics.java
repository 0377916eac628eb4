package dev.polder.runtime.telemetry;

import dev.polder.connectors.api.Usage;
import dev.polder.connectors.resilience.CircuitState;
import dev.polder.runtime.backend.Backends;
import dev.polder.runtime.config.GatewayConfig;
import dev.polder.runtime.pipeline.GatewayCall;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's metrics, labelled by route, virtual model, backend, team and environment. Label
 * values come from configuration only (an unknown model the caller typed is {@code unknown}), so
 * the number of series stays bounded.
 */
@ApplicationScoped
public class GatewayMetrics {

  static final String REQUEST_DURATION = "polder.request.duration";
  static final String TIME_TO_FIRST_TOKEN = "polder.time.to.first.token";
  static final String TOKENS = "polder.tokens";
  static final String COST = "polder.cost";
  static final String DECISIONS = "polder.decisions";
  static final String FINDINGS = "polder.findings";
  static final String BACKEND_ERRORS = "polder.backend.errors";
  static final String CIRCUIT_STATE = "polder.backend.circuit.state";

  static final String NONE = "none";
  static final String UNKNOWN = "unknown";

  // Fixed buckets (Prometheus histogram / OTLP explicit buckets) from 5 ms to 2 min.
  private static final Duration[] LATENCY_BUCKETS = {
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30),
    Duration.ofSeconds(60),
    Duration.ofSeconds(120)
  };

  private final MeterRegistry registry;
  private final boolean measuring;
  private final Set<String> models;
  private final GatewayConfig config;
  private final Backends backends;
  private final CostCalculator costs;

  @Inject
  public GatewayMetrics(
      MetricSinks sinks, GatewayConfig config, Backends backends, CostCalculator costs) {
    this.registry = sinks.registry();
    this.measuring = sinks.measuring();
    this.models = Set.copyOf(config.models().keySet());
    this.config = config;
    this.backends = backends;
    this.costs = costs;
  }

  /** Circuit state per backend: 0 closed, 1 half-open, 2 open. */
  void start(@Observes StartupEvent event) {
    for (String backend : config.backends().keySet()) {
      var breaker = backends.connector(backend).circuitBreaker();
      Gauge.builder(CIRCUIT_STATE, breaker, b -> circuitValue(b.state()))
          .description("Circuit breaker state: 0 closed, 1 half-open, 2 open")
          .tag("backend", backend)
          .register(registry);
    }
  }

  static double circuitValue(CircuitState state) {
    return switch (state) {
      case CLOSED -> 0;
      case HALF_OPEN -> 1;
      case OPEN -> 2;
    };
  }

  /** Once the response has ended: duration, tokens, cost. */
  void requestEnded(GatewayCall call) {
    if (!measuring) {
      return;
    }
    Tags tags = callTags(call);
    Timer.builder(REQUEST_DURATION)
        .description("From request received to response ended")
        .serviceLevelObjectives(LATENCY_BUCKETS)
        .tags(tags.and("status", Integer.toString(call.status())))
        .register(registry)
        .record(System.nanoTime() - call.receivedNanos(), TimeUnit.NANOSECONDS);
    call.usage().ifPresent(usage -> tokens(tags, usage));
    costs
        .cost(call)
        .ifPresent(
            cost ->
                Counter.builder(COST)
                    .description("Cost of the calls, from the configured price table")
                    .tags(personTags(call).and("currency", cost.currency()))
                    .register(registry)
                    .increment(cost.amount()));
  }

  private void tokens(Tags tags, Usage usage) {
    Counter.builder(TOKENS)
        .description("Tokens used")
        .tags(tags.and("type", "input"))
        .register(registry)
        .increment(usage.promptTokens());
    Counter.builder(TOKENS)
        .description("Tokens used")
        .tags(tags.and("type", "output"))
        .register(registry)
        .increment(usage.completionTokens());
  }

  /** The first token (stream) or the whole answer (no stream) reached the gateway. */
  void firstToken(GatewayCall call, String backend, long nanosSinceReceived) {
    if (!measuring) {
      return;
    }
    Timer.builder(TIME_TO_FIRST_TOKEN)
        .description("From request received to the backend's first token")
        .serviceLevelObjectives(LATENCY_BUCKETS)
        .tags(
            Tags.of(
                "route", call.operation().routeId(),
                "model", model(call),
                "backend", backend,
                "team", team(call),
                "environment", environment(call),
                "stream", Boolean.toString(call.stream())))
        .register(registry)
        .record(nanosSinceReceived, TimeUnit.NANOSECONDS);
  }

  void decision(GatewayCall call, String point, String outcome) {
    if (!measuring) {
      return;
    }
    Counter.builder(DECISIONS)
        .description("Decision point outcomes")
        .tags(personTags(call).and("point", point, "outcome", outcome))
        .register(registry)
        .increment();
  }

  void findings(GatewayCall call, String type, int count) {
    if (!measuring) {
      return;
    }
    Counter.builder(FINDINGS)
        .description("Detector findings by entity type")
        .tags(personTags(call).and("type", type))
        .register(registry)
        .increment(count);
  }

  void backendError(GatewayCall call, String backend, String kind) {
    if (!measuring) {
      return;
    }
    Counter.builder(BACKEND_ERRORS)
        .description("Failed backend calls by kind")
        .tags(Tags.of("backend", backend, "model", model(call), "kind", kind))
        .register(registry)
        .increment();
  }

  private Tags callTags(GatewayCall call) {
    return Tags.of(
        "route", call.operation().routeId(),
        "model", model(call),
        "backend", call.backend().orElse(NONE),
        "team", team(call),
        "environment", environment(call));
  }

  private Tags personTags(GatewayCall call) {
    return Tags.of("model", model(call), "team", team(call), "environment", environment(call));
  }

  String model(GatewayCall call) {
    String model = call.model();
    if (model == null) {
      return NONE;
    }
    return models.contains(model) ? model : UNKNOWN;
  }

  static String team(GatewayCall call) {
    return call.principal() == null || call.principal().team() == null
        ? NONE
        : call.principal().team();
  }

  static String environment(GatewayCall call) {
    return call.principal() == null || call.principal().environment() == null
        ? NONE
        : call.principal().environment();
  }
}
