package dev.polder.runtime.audit.trail;

import dev.polder.runtime.audit.AuditLogException;
import dev.polder.runtime.audit.AuditReceipt;
import dev.polder.runtime.pipeline.GatewayCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * After-route step {@code audit}: hands the call's record to the audit log. It does not wait for
 * the disk: the edge sends the response only once the pending append (property {@link
 * CallProperties#PENDING}) completed, and a 500 in its place if it failed. Put it last, so that
 * what earlier steps add (cost, ...) is in the record.
 */
@ApplicationScoped
@Named("audit")
public class AuditStep implements Processor {

  private final AuditTrail trail;

  @Inject
  public AuditStep(AuditTrail trail) {
    this.trail = trail;
  }

  @Override
  public void process(Exchange exchange) {
    GatewayCall call = GatewayCall.of(exchange);
    if (call.properties().containsKey(CallProperties.PENDING)) {
      return; // a route that audits twice still writes one record
    }
    CompletableFuture<AuditReceipt> pending;
    try {
      pending = trail.appendAsync(CallRecords.of(call, trail.defaultLogMode()));
    } catch (RuntimeException e) {
      // A record that cannot be built is a record lost: fail the request like a failed write.
      pending =
          CompletableFuture.failedFuture(
              new AuditLogException("audit record of request " + call.requestId() + ": " + e, e));
    }
    call.properties().put(CallProperties.PENDING, pending);
    exchange.setProperty(CallProperties.PENDING, pending);
  }
}
