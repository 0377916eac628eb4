package dev.polder.runtime.telemetry;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.registry.otlp.OtlpConfig;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The metric registries the configuration asks for: Prometheus (scraped) and OTLP (pushed). With
 * neither, the composite has no member and nothing is measured at all ({@link #measuring()}).
 */
@ApplicationScoped
public class MetricSinks {

  private static final Logger LOG = Logger.getLogger(MetricSinks.class);

  private final CompositeMeterRegistry registry = new CompositeMeterRegistry();
  private final PrometheusMeterRegistry prometheus;
  private final OtlpMeterRegistry otlp;

  @Inject
  public MetricSinks(TelemetryConfig config) {
    this.prometheus =
        config.prometheus().enabled()
            ? new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)
            : null;
    if (prometheus != null) {
      registry.add(prometheus);
    }
    Optional<String> endpoint = config.otlp().endpoint().filter(e -> config.otlp().metrics());
    this.otlp =
        endpoint
            .map(
                e ->
                    new OtlpMeterRegistry(
                        otlpConfig(
                            OtlpEndpoints.metrics(e),
                            config.otlp().metricsInterval(),
                            config.otlp().headers()),
                        Clock.SYSTEM))
            .orElse(null);
    if (otlp != null) {
      registry.add(otlp);
      LOG.infof("Metrics are pushed to %s", OtlpEndpoints.metrics(endpoint.get()));
    }
  }

  /**
   * Whether any sink takes metrics. Without one the gateway skips measuring: even a no-op meter
   * costs its tags and a registry lookup per call.
   */
  public boolean measuring() {
    return prometheus != null || otlp != null;
  }

  /** Where the gateway's meters are registered. */
  public MeterRegistry registry() {
    return registry;
  }

  /** The Prometheus registry when the scrape endpoint is enabled. */
  public Optional<PrometheusMeterRegistry> prometheus() {
    return Optional.ofNullable(prometheus);
  }

  void stop(@Observes ShutdownEvent event) {
    if (otlp != null) {
      otlp.close();
    }
  }

  private static OtlpConfig otlpConfig(String url, Duration step, Map<String, String> headers) {
    // Every value is given explicitly: Micrometer's defaults would read OTEL_* environment
    // variables, and telemetry goes only where Polder's configuration says.
    return new OtlpConfig() {
      @Override
      public String get(String key) {
        return null;
      }

      @Override
      public String url() {
        return url;
      }

      @Override
      public Duration step() {
        return step;
      }

      @Override
      public Map<String, String> headers() {
        return headers;
      }

      @Override
      public Map<String, String> resourceAttributes() {
        return Map.of("service.name", "polder");
      }
    };
  }
}
