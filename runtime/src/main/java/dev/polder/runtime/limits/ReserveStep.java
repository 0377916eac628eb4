package dev.polder.runtime.limits;

import dev.polder.runtime.pipeline.GatewayCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Route step {@code reserve}: takes the call's request, tokens (prompt estimate plus max_tokens)
 * and cost from the limits and budgets it falls under, or refuses it with 429. Place it after
 * {@code select-backend} (the cost depends on the backend) and after any step that changes
 * max_tokens.
 */
@ApplicationScoped
@Named("reserve")
public class ReserveStep implements Processor {

  private final LimitService limits;

  @Inject
  public ReserveStep(LimitService limits) {
    this.limits = limits;
  }

  @Override
  public void process(Exchange exchange) {
    limits.reserve(GatewayCall.of(exchange));
  }
}
