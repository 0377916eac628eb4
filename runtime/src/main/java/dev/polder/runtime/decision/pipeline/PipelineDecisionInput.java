package dev.polder.runtime.decision.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.runtime.config.GatewayConfig;
import dev.polder.runtime.decision.input.Backend;
import dev.polder.runtime.decision.input.Classification;
import dev.polder.runtime.decision.input.DecisionInput;
import dev.polder.runtime.decision.input.FindingSummary;
import dev.polder.runtime.decision.input.Principal;
import dev.polder.runtime.decision.input.Request;
import dev.polder.runtime.decision.input.Tool;
import dev.polder.runtime.pipeline.GatewayCall;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;

/**
 * Builds the decision input from the pipeline's call. Steps that run earlier may leave, as exchange
 * properties, the findings summary ({@link #FINDINGS}: {@code List<FindingSummary>}), the media
 * types of attachments ({@link #ATTACHMENT_TYPES}: {@code List<String>}) and a classification
 * ({@link #CLASSIFICATION}).
 */
final class PipelineDecisionInput {
  static final String FINDINGS = "polder.findings";
  static final String ATTACHMENT_TYPES = "polder.attachment-media-types";
  static final String CLASSIFICATION = "polder.classification";

  /** Request headers passed to policy as {@code request.metadata}. */
  static final List<String> METADATA_HEADERS =
      List.of("x-polder-purpose", "x-polder-data-owner", "x-polder-ticket");

  private PipelineDecisionInput() {}

  @SuppressWarnings("unchecked")
  static DecisionInput of(Exchange exchange, GatewayCall call, GatewayConfig config) {
    ObjectNode body = call.request();
    Integer maxTokens = null;
    List<Tool> tools = new ArrayList<>();
    if (body != null) {
      JsonNode cap =
          body.has("max_completion_tokens")
              ? body.get("max_completion_tokens")
              : body.get("max_tokens");
      if (cap != null && cap.canConvertToInt()) {
        maxTokens = cap.intValue();
      }
      for (JsonNode tool : body.path("tools")) {
        JsonNode function = tool.path("function");
        String name = function.path("name").asText("");
        if (!name.isBlank()) {
          List<String> arguments = new ArrayList<>();
          function
              .path("parameters")
              .path("properties")
              .fieldNames()
              .forEachRemaining(arguments::add);
          tools.add(new Tool(name, "", arguments));
        }
      }
    }
    Map<String, String> metadata = new java.util.LinkedHashMap<>();
    for (String header : METADATA_HEADERS) {
      call.header(header).ifPresent(value -> metadata.put(header, value));
    }
    Request request =
        new Request(
            call.requestId(),
            call.operation().routeId(),
            call.model(),
            call.stream(),
            maxTokens,
            tools,
            exchange.getProperty(ATTACHMENT_TYPES, List.class),
            metadata);

    dev.polder.runtime.identity.Principal who = call.principal();
    // API keys identify services; source addresses are not carried by the call yet.
    Principal principal =
        who == null
            ? new Principal("", "", "", List.of(), "", "")
            : new Principal(who.id(), who.kind(), who.team(), who.roles(), who.environment(), "");

    List<FindingSummary> findings = exchange.getProperty(FINDINGS, List.class);
    Classification soFar = exchange.getProperty(CLASSIFICATION, Classification.class);
    return new DecisionInput(request, principal, findings, soFar, candidates(call, config));
  }

  private static List<Backend> candidates(GatewayCall call, GatewayConfig config) {
    GatewayConfig.VirtualModel model =
        call.model() == null ? null : config.models().get(call.model());
    if (model == null) {
      return List.of();
    }
    Set<String> names = new LinkedHashSet<>();
    model.targets().forEach(target -> names.add(target.backend()));
    model.fallback().ifPresent(names::addAll);
    List<Backend> backends = new ArrayList<>();
    for (String name : names) {
      GatewayConfig.Backend backend = config.backends().get(name);
      if (backend != null) {
        backends.add(new Backend(name, backend.provider(), backend.location().name()));
      }
    }
    return backends;
  }
}
