package dev.polder.runtime.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.polder.pii.detect.DetectionContext;
import dev.polder.pii.detect.DetectionEngine;
import dev.polder.pii.detect.Finding;
import dev.polder.pii.ner.NerNotReadyException;
import dev.polder.pii.redact.HmacHasher;
import dev.polder.pii.redact.InMemoryPseudonymVault;
import dev.polder.pii.redact.RedactionPolicy;
import dev.polder.pii.redact.RedactionResult;
import dev.polder.pii.redact.RedactionStrategy;
import dev.polder.pii.redact.Redactor;
import dev.polder.runtime.decision.answer.RedactAction;
import dev.polder.runtime.decision.combine.RedactResult;
import dev.polder.runtime.decision.input.FindingSummary;
import dev.polder.runtime.detect.Detectors;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * PII and secret detection in tool arguments and results: every string value of the JSON is scanned
 * (keys too, for arguments), findings are summarised for policy, and strings are redacted in place
 * as the redact decision says.
 */
final class ToolFindings {
  private final DetectionEngine engine;
  private final DetectionContext context;
  private final HmacHasher hasher;
  private final InMemoryPseudonymVault vault = new InMemoryPseudonymVault(Duration.ofHours(1));

  /** Findings of one JSON document: per string node, the findings in it. */
  record Scan(
      Map<JsonNode, List<Finding>> byText,
      Map<String, Integer> countsByType,
      Map<String, Double> maxScore) {
    boolean empty() {
      return countsByType.isEmpty();
    }

    List<FindingSummary> summary() {
      List<FindingSummary> out = new ArrayList<>();
      countsByType.forEach(
          (type, count) ->
              out.add(new FindingSummary(type, count, maxScore.get(type), Set.of("tool"))));
      return out;
    }
  }

  ToolFindings(DetectionEngine engine, DetectionContext context) {
    this.engine = engine;
    this.context = context;
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    this.hasher = new HmacHasher(key);
  }

  /**
   * The gateway's detectors with the prompts' context: the same registry (the shipped one or {@code
   * polder.detect.registry}, reloaded with it) and, when {@code polder.detect.ner.enabled}, the NER
   * detector.
   */
  static ToolFindings of(Detectors detectors) {
    return new ToolFindings(detectors.engine(), detectors.promptContext());
  }

  /**
   * @throws NerNotReadyException while the NER model is not loaded (a scan never reports a text
   *     clean that it could not read)
   */
  Scan scan(JsonNode document) {
    Map<JsonNode, List<Finding>> byText = new java.util.IdentityHashMap<>();
    Map<String, Integer> counts = new TreeMap<>();
    Map<String, Double> max = new HashMap<>();
    walk(
        document,
        text -> {
          List<Finding> found = engine.detect(text.asText(), context);
          if (!found.isEmpty()) {
            byText.put(text, found);
            for (Finding f : found) {
              counts.merge(f.type(), 1, Integer::sum);
              max.merge(f.type(), Math.min(1.0, f.score()), Math::max);
            }
          }
        });
    return new Scan(byText, counts, max);
  }

  /**
   * The document with each finding redacted as the decision says; counts of what was done by type
   * and action go to {@code applied}. Types the decision blocks are masked here (the caller decides
   * whether to withhold the whole result).
   */
  JsonNode redact(
      JsonNode document,
      Scan scan,
      RedactResult actions,
      String conversation,
      Map<String, Map<String, Integer>> applied) {
    if (scan.empty()) {
      return document;
    }
    Map<String, String> config = new HashMap<>();
    scan.countsByType()
        .keySet()
        .forEach(type -> config.put(type, strategy(actions.actionFor(type)).name()));
    config.put("default", strategy(actions.otherTypes()).name());
    Redactor redactor = new Redactor(RedactionPolicy.fromConfig(config), hasher, vault);
    return rewrite(document, scan, redactor, conversation, applied);
  }

  private static RedactionStrategy strategy(RedactAction action) {
    return action == RedactAction.BLOCK
        ? RedactionStrategy.MASK
        : RedactionStrategy.valueOf(action.name());
  }

  private JsonNode rewrite(
      JsonNode node,
      Scan scan,
      Redactor redactor,
      String conversation,
      Map<String, Map<String, Integer>> applied) {
    if (node.isTextual()) {
      List<Finding> found = scan.byText().get(node);
      if (found == null) {
        return node;
      }
      RedactionResult result = redactor.redact(node.asText(), found, conversation);
      for (RedactionResult.Applied a : result.applied()) {
        applied
            .computeIfAbsent(a.type(), t -> new TreeMap<>())
            .merge(a.strategy().name().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
      }
      return TextNode.valueOf(result.text());
    }
    if (node.isObject()) {
      ObjectNode copy = ToolSchemas.JSON.createObjectNode();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        copy.set(field.getKey(), rewrite(field.getValue(), scan, redactor, conversation, applied));
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = ToolSchemas.JSON.createArrayNode();
      node.forEach(item -> copy.add(rewrite(item, scan, redactor, conversation, applied)));
      return copy;
    }
    return node;
  }

  private static void walk(JsonNode node, java.util.function.Consumer<JsonNode> onText) {
    if (node == null) {
      return;
    }
    if (node.isTextual()) {
      onText.accept(node);
    } else if (node.isContainerNode()) {
      node.forEach(child -> walk(child, onText));
    }
  }
}
