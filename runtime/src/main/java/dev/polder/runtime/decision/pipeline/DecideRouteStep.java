package dev.polder.runtime.decision.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.runtime.config.GatewayConfig;
import dev.polder.runtime.decision.DecisionRun;
import dev.polder.runtime.decision.DecisionService;
import dev.polder.runtime.decision.combine.RouteResult;
import dev.polder.runtime.error.GatewayException;
import dev.polder.runtime.pipeline.GatewayCall;
import dev.polder.runtime.pipeline.PipelineHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Route step {@code decide-route}: answers route: keeps only the selected candidates that policy
 * allows (in their order) and caps max tokens; runs after select-backend.
 */
@ApplicationScoped
@Named("decide-route")
public class DecideRouteStep implements Processor {
  private final DecisionService service;
  private final GatewayConfig config;

  DecideRouteStep(DecisionService service, GatewayConfig config) {
    this.service = service;
    this.config = config;
  }

  @Override
  public void process(Exchange exchange) {
    DecisionRun run = DecideSteps.run(exchange, service, config);
    RouteResult route = run.route().result();
    DecideSteps.refuseIfDenied(exchange, run);
    GatewayCall call = GatewayCall.of(exchange);
    List<String> kept =
        call.candidates().stream().filter(route.allowedBackends()::contains).toList();
    if (kept.isEmpty()) {
      call.decisionSummary(DecideSteps.summary(false, run, call));
      throw GatewayException.forbidden(
          "policy_denied",
          "No backend of " + call.model() + " that policy allows is available for this request.");
    }
    call.candidates(kept);
    exchange.getMessage().setHeader(PipelineHeaders.BACKEND, kept.get(0));
    capMaxTokens(call.request(), route);
  }

  /** Writes the policy's cap into the request when the caller asked for more (or set nothing). */
  private static void capMaxTokens(ObjectNode request, RouteResult route) {
    if (request == null || route.maxTokens() == null) {
      return;
    }
    String field = request.has("max_completion_tokens") ? "max_completion_tokens" : "max_tokens";
    JsonNode asked = request.get(field);
    Integer requested = asked != null && asked.canConvertToInt() ? asked.intValue() : null;
    request.put(field, route.effectiveMaxTokens(requested));
  }
}
