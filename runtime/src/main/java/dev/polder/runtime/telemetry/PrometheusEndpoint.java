package dev.polder.runtime.telemetry;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * {@code GET /metrics} (Prometheus text format) on the gateway's port, only when {@code
 * polder.telemetry.prometheus.enabled} is set: otherwise the path does not exist (404).
 */
@ApplicationScoped
public class PrometheusEndpoint {

  private final TelemetryConfig config;
  private final MetricSinks sinks;

  @Inject
  public PrometheusEndpoint(TelemetryConfig config, MetricSinks sinks) {
    this.config = config;
    this.sinks = sinks;
  }

  // Before the edge's own routes, so its catch-all error handling does not see this path.
  void routes(@Observes @jakarta.annotation.Priority(10) Router router) {
    sinks
        .prometheus()
        .ifPresent(
            registry ->
                router
                    .get(config.prometheus().path())
                    .handler(
                        ctx ->
                            ctx.response()
                                .putHeader(
                                    "Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                                .end(scrape(registry))));
  }

  private static String scrape(PrometheusMeterRegistry registry) {
    return registry.scrape();
  }
}
