package dev.polder.runtime.telemetry;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Where telemetry goes ({@code polder.telemetry.*}). Nothing leaves the gateway unless configured
 * here: without an OTLP endpoint no span or metric is sent, and without {@code prometheus.enabled}
 * no scrape endpoint is served.
 */
@ConfigMapping(prefix = "polder.telemetry")
public interface TelemetryConfig {

  Otlp otlp();

  Prometheus prometheus();

  /** OTLP/HTTP (protobuf) export of spans and metrics to a collector. */
  interface Otlp {
    /**
     * The collector's base URL, e.g. {@code http://otel-collector:4318}; spans go to {@code
     * /v1/traces}, metrics to {@code /v1/metrics}. Unset: nothing is exported.
     */
    Optional<String> endpoint();

    /** Extra HTTP headers for the collector (e.g. an authorization token). */
    Map<String, String> headers();

    /** Export spans (when an endpoint is set). */
    @WithDefault("true")
    boolean traces();

    /** Export metrics (when an endpoint is set). */
    @WithDefault("true")
    boolean metrics();

    /** How often metrics are pushed. */
    @WithDefault("60s")
    Duration metricsInterval();
  }

  /** The Prometheus scrape endpoint on the gateway's HTTP port. */
  interface Prometheus {
    @WithDefault("false")
    boolean enabled();

    @WithDefault("/metrics")
    String path();
  }
}
