package dev.polder.runtime.decision.pipeline;

import dev.polder.runtime.config.GatewayConfig;
import dev.polder.runtime.decision.DecisionRun;
import dev.polder.runtime.decision.DecisionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Route step {@code decide-classify}: answers classify: level and labels for the later points
 * (refuses only if no bundle is loaded or the point failed).
 */
@ApplicationScoped
@Named("decide-classify")
public class DecideClassifyStep implements Processor {
  private final DecisionService service;
  private final GatewayConfig config;

  DecideClassifyStep(DecisionService service, GatewayConfig config) {
    this.service = service;
    this.config = config;
  }

  @Override
  public void process(Exchange exchange) {
    DecisionRun run = DecideSteps.run(exchange, service, config);
    run.classify();
    DecideSteps.refuseIfDenied(exchange, run);
  }
}
