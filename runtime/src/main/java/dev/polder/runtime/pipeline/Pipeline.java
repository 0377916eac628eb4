package dev.polder.runtime.pipeline;

import dev.polder.runtime.error.GatewayException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.direct.DirectConsumerNotAvailableException;
import org.apache.camel.support.DefaultExchange;
import org.jboss.logging.Logger;

/**
 * Runs the Camel routes of a call: {@code direct:<operation>} before the backend call and {@code
 * direct:<operation>-after} once the response is known, before its end is sent. Blocking: call it
 * on a worker thread.
 */
@ApplicationScoped
public class Pipeline {

  private static final Logger LOG = Logger.getLogger(Pipeline.class);

  private final CamelContext camel;
  private final ProducerTemplate template;
  private final Map<GatewayCall.Operation, Endpoint> before =
      new EnumMap<>(GatewayCall.Operation.class);
  private final Map<GatewayCall.Operation, Endpoint> after =
      new EnumMap<>(GatewayCall.Operation.class);
  private final Set<String> warnedMissing = ConcurrentHashMap.newKeySet();

  @Inject
  public Pipeline(CamelContext camel) {
    this.camel = camel;
    this.template = camel.createProducerTemplate();
    for (GatewayCall.Operation operation : GatewayCall.Operation.values()) {
      before.put(operation, camel.getEndpoint("direct:" + operation.routeId()));
      after.put(operation, camel.getEndpoint("direct:" + operation.routeId() + "-after"));
    }
  }

  /**
   * Runs the before-route; the call then holds the principal, the request and the candidates.
   *
   * @throws GatewayException what a step decided (401, 403, 404, 400, ...), or 503 when the route
   *     is not loaded
   */
  public void before(GatewayCall call) {
    Exchange exchange = exchange(call);
    template.send(before.get(call.operation()), exchange);
    keepProperties(call, exchange);
    throwFailure(call, exchange);
  }

  /**
   * Runs the before-route of an explain call (marked {@link GatewayCall#dryRun()}) and hands back
   * its exchange, so the caller can read what the steps left there (findings, decision) even when a
   * step refused the request.
   *
   * @return the exchange; {@link #failure(GatewayCall, Exchange)} says how a refusal would look
   */
  public Exchange dryRun(GatewayCall call) {
    call.dryRun(true);
    Exchange exchange = exchange(call);
    template.send(before.get(call.operation()), exchange);
    keepProperties(call, exchange);
    return exchange;
  }

  /** The error the caller would get for the exchange's failure, or null when the route passed. */
  public GatewayException failure(GatewayCall call, Exchange exchange) {
    try {
      throwFailure(call, exchange);
      return null;
    } catch (GatewayException e) {
      return e;
    }
  }

  private void throwFailure(GatewayCall call, Exchange exchange) {
    Exception failure = exchange.getException();
    if (failure == null) {
      return;
    }
    if (failure instanceof GatewayException gatewayException) {
      throw gatewayException;
    }
    if (failure instanceof DirectConsumerNotAvailableException) {
      throw new GatewayException(
          503,
          "service_unavailable",
          "route_not_loaded",
          null,
          "The pipeline route '" + call.operation().routeId() + "' is not loaded");
    }
    LOG.errorf(
        failure,
        "Request %s: route %s failed in a step",
        call.requestId(),
        call.operation().routeId());
    throw new GatewayException(
        500,
        "server_error",
        "pipeline_failed",
        null,
        "The request pipeline failed; see the gateway log for request " + call.requestId());
  }

  /**
   * Runs the after-route (account, audit, ...); failures are logged, never thrown. The edge sends
   * the response after it (see the audit step).
   */
  public void after(GatewayCall call) {
    Exchange exchange = exchange(call);
    template.send(after.get(call.operation()), exchange);
    keepProperties(call, exchange);
    Exception failure = exchange.getException();
    if (failure instanceof DirectConsumerNotAvailableException) {
      String routeId = call.operation().routeId() + "-after";
      if (warnedMissing.add(routeId)) {
        LOG.warnf(
            "Route %s is not loaded: calls are not accounted (the edge still audits them)",
            routeId);
      }
    } else if (failure != null) {
      LOG.errorf(
          failure,
          "Request %s: route %s-after failed",
          call.requestId(),
          call.operation().routeId());
    }
  }

  /** The route's exchange properties go back to the call, for the next route of the call. */
  private static void keepProperties(GatewayCall call, Exchange exchange) {
    exchange
        .getProperties()
        .forEach(
            (name, value) -> {
              if (value != null && !GatewayCall.PROPERTY.equals(name)) {
                call.properties().put(name, value);
              }
            });
  }

  private Exchange exchange(GatewayCall call) {
    Exchange exchange = new DefaultExchange(camel);
    call.properties().forEach(exchange::setProperty);
    exchange.setProperty(GatewayCall.PROPERTY, call);
    exchange.getMessage().setHeader(PipelineHeaders.REQUEST_ID, call.requestId());
    if (call.dryRun()) {
      exchange.getMessage().setHeader(PipelineHeaders.DRY_RUN, true);
    }
    exchange.setProperty(GatewayCall.TRACE_ID_PROPERTY, call.traceId());
    if (call.request() != null) {
      exchange.getMessage().setBody(call.request());
      exchange.getMessage().setHeader(PipelineHeaders.MODEL, call.model());
    }
    if (call.status() != 0) {
      exchange.getMessage().setHeader(PipelineHeaders.STATUS, call.status());
      call.backend().ifPresent(b -> exchange.getMessage().setHeader(PipelineHeaders.BACKEND, b));
    }
    return exchange;
  }
}
