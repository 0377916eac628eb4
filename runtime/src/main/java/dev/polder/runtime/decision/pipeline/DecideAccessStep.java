package dev.polder.runtime.decision.pipeline;

import dev.polder.runtime.config.GatewayConfig;
import dev.polder.runtime.decision.DecisionRun;
import dev.polder.runtime.decision.DecisionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Route step {@code decide-access}: answers access: refuses (403) with the deny reasons, and
 * permits external backends only if policy grants egress.
 */
@ApplicationScoped
@Named("decide-access")
public class DecideAccessStep implements Processor {
  private final DecisionService service;
  private final GatewayConfig config;

  DecideAccessStep(DecisionService service, GatewayConfig config) {
    this.service = service;
    this.config = config;
  }

  @Override
  public void process(Exchange exchange) {
    DecisionRun run = DecideSteps.run(exchange, service, config);
    run.access();
    DecideSteps.refuseIfDenied(exchange, run);
  }
}
