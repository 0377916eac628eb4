package dev.polder.runtime.limits;

import dev.polder.runtime.pipeline.GatewayCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * After-route step {@code reconcile}: settles what {@code reserve} took with the real usage, and
 * leaves the call's tokens ({@value #TOKENS}, a Long) and cost ({@value #COST}, a BigDecimal in the
 * price table's currency) in exchange properties for the steps after it (audit, metrics).
 */
@ApplicationScoped
@Named("reconcile")
public class ReconcileStep implements Processor {

  public static final String TOKENS = "polder.tokens";
  public static final String COST = "polder.cost";

  private final LimitService limits;

  @Inject
  public ReconcileStep(LimitService limits) {
    this.limits = limits;
  }

  @Override
  public void process(Exchange exchange) {
    LimitService.Settled settled = limits.reconcile(GatewayCall.of(exchange));
    exchange.setProperty(TOKENS, settled.tokens());
    exchange.setProperty(COST, PriceTable.toCurrency(settled.costNanos()));
  }
}
