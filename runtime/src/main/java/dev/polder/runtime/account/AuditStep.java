package dev.polder.runtime.account;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.runtime.pipeline.GatewayCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.jboss.logging.Logger;

/**
 * After-route step {@code audit}: one JSON line per call on the {@code polder.audit} logger, with
 * metadata only (no prompt or response text).
 */
@ApplicationScoped
@Named("audit")
public class AuditStep implements Processor {

  private static final Logger AUDIT = Logger.getLogger("polder.audit");

  @Override
  public void process(Exchange exchange) {
    if (!AUDIT.isInfoEnabled()) {
      return;
    }
    GatewayCall call = GatewayCall.of(exchange);
    AUDIT.info(record(call).toString());
  }

  static ObjectNode record(GatewayCall call) {
    ObjectNode line = JsonNodeFactory.instance.objectNode();
    line.put("request_id", call.requestId());
    line.put("operation", call.operation().routeId());
    line.put("principal", call.principal() == null ? null : call.principal().id());
    line.put("model", call.model());
    line.put("stream", call.stream());
    line.put("backend", call.backend().orElse(null));
    line.put("status", call.status());
    line.put("error", call.errorCode().orElse(null));
    call.usage().ifPresent(u -> u.toJson(line.putObject("usage")));
    if (call.timeToFirstByteMicros() >= 0) {
      line.put("ttfb_us", call.timeToFirstByteMicros());
    }
    line.put(
        "duration_us", TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - call.receivedNanos()));
    return line;
  }
}
