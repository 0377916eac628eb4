package dev.polder.runtime.explain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.runtime.config.GatewayConfig;
import dev.polder.runtime.decision.DecisionRun;
import dev.polder.runtime.error.GatewayException;
import dev.polder.runtime.identity.Principal;
import dev.polder.runtime.pipeline.GatewayCall;
import dev.polder.runtime.pipeline.Pipeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.Exchange;

/**
 * Explains a request without calling a backend: runs the operation's own before-route (the same
 * steps, not a copy of their logic), then reads what the steps left behind — findings, the decision
 * of every point with the rules and policies that fired, the chosen backend and the request exactly
 * as it would be handed to the connector (after any redaction).
 */
@ApplicationScoped
public class Explainer {

  /** Exchange property of the findings (see the detect step). */
  static final String FINDINGS = "polder.findings";

  /** Exchange property of the decision run (see the decide-* steps). */
  static final String DECISION = "polder.decision";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Pipeline pipeline;
  private final GatewayConfig config;

  @Inject
  Explainer(Pipeline pipeline, GatewayConfig config) {
    this.pipeline = pipeline;
    this.config = config;
  }

  /**
   * Runs the before-route as a dry run and describes the result. Blocking: call on a worker.
   *
   * @throws GatewayException when the request is refused before any decision point ran (no key, bad
   *     JSON, unknown or forbidden model): explain answers as the real endpoint would
   */
  public ObjectNode explain(GatewayCall call) {
    Exchange exchange = pipeline.dryRun(call);
    GatewayException refusal = pipeline.failure(call, exchange);
    DecisionRun run = exchange.getProperty(DECISION, DecisionRun.class);
    if (refusal != null && run == null) {
      throw refusal;
    }
    ObjectNode out = JSON.createObjectNode();
    out.put("object", "polder.explanation");
    out.put("request_id", call.requestId());
    out.put("route", call.operation().routeId());
    out.put("model", call.model());
    out.set("principal", principal(call.principal()));
    out.set("outcome", outcome(call, refusal));
    out.set("findings", toJson(exchange.getProperty(FINDINGS)));
    out.set("decision", run == null ? null : toJson(run.decision().trace()));
    boolean sent = refusal == null && !call.candidates().isEmpty();
    out.set("backend", sent ? backend(call.candidates().get(0)) : null);
    ArrayNode candidates = out.putArray("candidates");
    if (sent) {
      call.candidates().forEach(candidates::add);
    }
    // Nothing leaves for a refused request; the pipeline stopped before redacting it.
    out.set("request", sent ? call.request().deepCopy() : null);
    out.set("messages", sent ? messages(call.request()) : null);
    return out;
  }

  private static ObjectNode outcome(GatewayCall call, GatewayException refusal) {
    ObjectNode outcome = JSON.createObjectNode();
    outcome.put("status", refusal == null ? 200 : refusal.status());
    outcome.put("decision", call.decisionSummary().orElse(null));
    if (refusal != null) {
      ObjectNode error = outcome.putObject("error");
      error.put("message", refusal.getMessage());
      error.put("type", refusal.type());
      error.put("param", refusal.param());
      error.put("code", refusal.code());
    }
    return outcome;
  }

  private static JsonNode principal(Principal who) {
    if (who == null) {
      return null;
    }
    ObjectNode principal = JSON.createObjectNode();
    principal.put("id", who.id());
    principal.put("team", who.team());
    principal.put("environment", who.environment());
    ArrayNode roles = principal.putArray("roles");
    who.roles().forEach(roles::add);
    return principal;
  }

  private ObjectNode backend(String name) {
    ObjectNode backend = JSON.createObjectNode();
    backend.put("name", name);
    GatewayConfig.Backend spec = config.backends().get(name);
    if (spec != null) {
      backend.put("provider", spec.provider());
      backend.put("location", spec.location().name());
      spec.model().ifPresent(model -> backend.put("upstream_model", model));
    }
    return backend;
  }

  /** Chat messages, or the prompt or input of the other endpoints. */
  private static JsonNode messages(ObjectNode request) {
    for (String field : new String[] {"messages", "prompt", "input"}) {
      if (request.has(field)) {
        return request.get(field).deepCopy();
      }
    }
    return null;
  }

  /** Whatever a step left, as JSON; something Jackson cannot map is shown as text. */
  private static JsonNode toJson(Object value) {
    if (value == null) {
      return JSON.createArrayNode();
    }
    try {
      return JSON.valueToTree(value);
    } catch (IllegalArgumentException e) {
      return JSON.getNodeFactory().textNode(String.valueOf(value));
    }
  }
}
