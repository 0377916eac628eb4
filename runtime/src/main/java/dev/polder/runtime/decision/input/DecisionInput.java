package dev.polder.runtime.decision.input;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The one input document per request that every decision point sees: Rego as {@code input} (see
 * {@link #toDocument()} and {@code policies/input.schema.json}), Drools as typed facts.
 */
public record DecisionInput(
    Request request,
    Principal principal,
    List<FindingSummary> findings,
    Classification classification,
    List<Backend> candidates) {

  public DecisionInput {
    if (request == null) {
      throw new IllegalArgumentException("request is required");
    }
    if (principal == null) {
      throw new IllegalArgumentException("principal is required");
    }
    findings = List.copyOf(findings == null ? List.of() : findings);
    classification =
        classification == null ? new Classification(Level.PUBLIC, null) : classification;
    candidates = List.copyOf(candidates == null ? List.of() : candidates);
  }

  /** The same input with the classification replaced (after the classify point). */
  public DecisionInput withClassification(Classification combined) {
    return new DecisionInput(request, principal, findings, combined, candidates);
  }

  /** The input as a JSON-shaped document (maps, lists, strings, numbers, booleans). */
  public Map<String, Object> toDocument() {
    Map<String, Object> doc = new LinkedHashMap<>();
    Map<String, Object> req = new LinkedHashMap<>();
    req.put("id", request.getId());
    req.put("endpoint", request.getEndpoint());
    req.put("virtual_model", request.getVirtualModel());
    req.put("stream", request.isStream());
    if (request.getMaxTokens() != null) {
      req.put("max_tokens", request.getMaxTokens());
    }
    List<Object> tools = new ArrayList<>();
    for (Tool tool : request.getTools()) {
      tools.add(
          Map.of(
              "name", tool.getName(),
              "server", tool.getServer(),
              "argument_names", tool.getArgumentNames()));
    }
    req.put("tools", tools);
    req.put("attachment_media_types", request.getAttachmentMediaTypes());
    req.put("metadata", request.getMetadata());
    doc.put("request", req);

    Map<String, Object> who = new LinkedHashMap<>();
    who.put("id", principal.getId());
    who.put("kind", principal.getKind());
    who.put("team", principal.getTeam());
    who.put("roles", principal.getRoles());
    who.put("environment", principal.getEnvironment());
    who.put("source_address", principal.getSourceAddress());
    doc.put("principal", who);

    Map<String, Object> byType = new LinkedHashMap<>();
    int total = 0;
    for (FindingSummary finding : findings) {
      total += finding.getCount();
      byType.put(
          finding.getType(),
          Map.of(
              "count", finding.getCount(),
              "max_score", finding.getMaxScore(),
              "where", List.copyOf(new TreeSet<>(finding.getWhere()))));
    }
    doc.put("findings", Map.of("total", total, "by_type", byType));

    doc.put(
        "classification",
        Map.of(
            "level",
            classification.getLevel(),
            "labels",
            List.copyOf(new TreeSet<>(classification.getLabels()))));

    List<Object> backends = new ArrayList<>();
    for (Backend backend : candidates) {
      backends.add(
          Map.of(
              "name", backend.getName(),
              "provider", backend.getProvider(),
              "location", backend.getLocation()));
    }
    doc.put("candidates", backends);
    return doc;
  }
}
