package dev.polder.runtime.account;

import dev.polder.runtime.pipeline.GatewayCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** After-route step {@code account}: adds the call's token usage to the caller's totals. */
@ApplicationScoped
@Named("account")
public class AccountStep implements Processor {

  private final UsageLedger ledger;

  @Inject
  public AccountStep(UsageLedger ledger) {
    this.ledger = ledger;
  }

  @Override
  public void process(Exchange exchange) {
    GatewayCall call = GatewayCall.of(exchange);
    if (call.principal() != null && call.model() != null) {
      ledger.record(call.principal().id(), call.model(), call.usage().orElse(null));
    }
  }
}
