package dev.polder.runtime.decision.pipeline;

import dev.polder.runtime.config.GatewayConfig;
import dev.polder.runtime.decision.DecisionRun;
import dev.polder.runtime.decision.DecisionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Route step {@code decide-redact}: answers redact: the action per entity type found; refuses (403)
 * if an action is block. The redaction itself is applied by the redact step.
 */
@ApplicationScoped
@Named("decide-redact")
public class DecideRedactStep implements Processor {
  private final DecisionService service;
  private final GatewayConfig config;

  DecideRedactStep(DecisionService service, GatewayConfig config) {
    this.service = service;
    this.config = config;
  }

  @Override
  public void process(Exchange exchange) {
    DecisionRun run = DecideSteps.run(exchange, service, config);
    run.redact();
    DecideSteps.refuseIfDenied(exchange, run);
  }
}
