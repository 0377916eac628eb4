package dev.polder.runtime.telemetry;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;

/**
 * Installs {@link StepSpans} on the Camel context before the pipeline routes are loaded (and so on
 * every route reloaded later).
 */
@ApplicationScoped
public class StepTracing {

  private final CamelContext camel;
  private final StepSpans spans;

  @Inject
  public StepTracing(CamelContext camel, SpanRecording recording, GatewayMetrics metrics) {
    this.camel = camel;
    this.spans = new StepSpans(recording, new StepFacts(metrics));
  }

  // Before RouteFolder loads the routes (default priority).
  void install(@Observes @Priority(100) StartupEvent event) {
    camel.getCamelContextExtension().addInterceptStrategy(spans);
  }
}
