package dev.polder.runtime.decision.rego;

import dev.polder.runtime.decision.DecisionPoint;
import dev.polder.runtime.decision.answer.AccessAnswer;
import dev.polder.runtime.decision.answer.Answer;
import dev.polder.runtime.decision.answer.ClassifyAnswer;
import dev.polder.runtime.decision.answer.RedactAnswer;
import dev.polder.runtime.decision.answer.RouteAnswer;
import dev.polder.runtime.decision.answer.ToolAnswer;
import dev.polder.runtime.decision.rego.RegoEngine.RuleDefinition;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a point's Rego document ({@code data.polder.<point>}) into an answer. A value of the wrong
 * shape is an error (the point then fails closed), named by its rule path.
 */
final class RegoAnswers {
  private final RegoSourceIndex index;

  RegoAnswers(RegoSourceIndex index) {
    this.index = index;
  }

  void read(DecisionPoint point, Object document, Answer answer) {
    if (document == null) {
      return;
    }
    if (!(document instanceof Map<?, ?> doc)) {
      throw new RegoFailure(point.regoQuery() + " must be an object, got " + document);
    }
    switch (point) {
      case CLASSIFY -> classify(point, doc, (ClassifyAnswer) answer);
      case ACCESS -> access(point, doc, (AccessAnswer) answer);
      case REDACT -> redact(point, doc, (RedactAnswer) answer);
      case ROUTE -> route(point, doc, (RouteAnswer) answer);
      case TOOL_ACCESS -> tools(point, doc, (ToolAnswer) answer);
    }
  }

  private void classify(DecisionPoint point, Map<?, ?> doc, ClassifyAnswer answer) {
    if (doc.containsKey("level")) {
      speak(point, "level", answer);
      answer.level(string(point, "level", doc.get("level")));
    }
    if (doc.containsKey("labels")) {
      speak(point, "labels", answer);
      strings(point, "labels", doc.get("labels")).forEach(answer::label);
    }
  }

  private void access(DecisionPoint point, Map<?, ?> doc, AccessAnswer answer) {
    if (doc.containsKey("deny")) {
      for (Object entry : collection(point, "deny", doc.get("deny"))) {
        denyReason(point, entry, answer);
      }
    }
    if (doc.containsKey("allow")) {
      speak(point, "allow", answer);
      if (bool(point, "allow", doc.get("allow"))) {
        answer.allow();
      } else if (answer.getDenyReasons().isEmpty()) {
        answer.deny("Not allowed by " + point.regoQuery() + ".allow");
      }
    }
    if (doc.containsKey("egress")) {
      speak(point, "egress", answer);
      answer.egress(bool(point, "egress", doc.get("egress")));
    }
    if (doc.containsKey("obligations")) {
      speak(point, "obligations", answer);
      strings(point, "obligations", doc.get("obligations")).forEach(answer::obligation);
    }
    if (doc.containsKey("log_mode")) {
      speak(point, "log_mode", answer);
      answer.logMode(string(point, "log_mode", doc.get("log_mode")));
    }
  }

  /**
   * A deny entry's user-facing reason: the METADATA description of the deny rule whose title is the
   * entry, or the entry's own description (as {@code rego.metadata.rule()} gives), or the entry.
   */
  private void denyReason(DecisionPoint point, Object entry, AccessAnswer answer) {
    String rulePath = point.regoQuery() + ".deny";
    if (entry instanceof Map<?, ?> object && object.get("description") instanceof String text) {
      speak(point, "deny", answer);
      answer.deny(text);
      return;
    }
    if (!(entry instanceof String code)) {
      throw new RegoFailure(rulePath + " must hold strings, got " + entry);
    }
    for (RuleDefinition source : index.definitions(point.regoPackage(), "deny")) {
      if (code.equals(source.title()) && source.description() != null) {
        answer.speaking(rulePath, source.file() + ":" + source.line());
        answer.deny(source.description());
        return;
      }
    }
    speak(point, "deny", answer);
    answer.deny(code);
  }

  private void redact(DecisionPoint point, Map<?, ?> doc, RedactAnswer answer) {
    if (doc.containsKey("actions")) {
      speak(point, "actions", answer);
      object(point, "actions", doc.get("actions"))
          .forEach(
              (type, action) ->
                  answer.action(String.valueOf(type), string(point, "actions." + type, action)));
    }
  }

  private void route(DecisionPoint point, Map<?, ?> doc, RouteAnswer answer) {
    if (doc.containsKey("allowed")) {
      speak(point, "allowed", answer);
      List<String> allowed = strings(point, "allowed", doc.get("allowed"));
      if (allowed.isEmpty()) {
        answer.allowNone();
      }
      allowed.forEach(answer::allow);
    }
    if (doc.containsKey("excluded")) {
      speak(point, "excluded", answer);
      strings(point, "excluded", doc.get("excluded")).forEach(answer::exclude);
    }
    if (doc.containsKey("preference")) {
      speak(point, "preference", answer);
      strings(point, "preference", doc.get("preference")).forEach(answer::prefer);
    }
    if (doc.containsKey("max_tokens")) {
      speak(point, "max_tokens", answer);
      if (!(doc.get("max_tokens") instanceof Number cap)) {
        throw new RegoFailure(point.regoQuery() + ".max_tokens must be a number");
      }
      answer.maxTokens(cap.intValue());
    }
  }

  private void tools(DecisionPoint point, Map<?, ?> doc, ToolAnswer answer) {
    if (doc.containsKey("allow")) {
      speak(point, "allow", answer);
      strings(point, "allow", doc.get("allow")).forEach(answer::allow);
    }
    if (doc.containsKey("deny")) {
      speak(point, "deny", answer);
      object(point, "deny", doc.get("deny"))
          .forEach(
              (tool, reason) ->
                  answer.deny(String.valueOf(tool), string(point, "deny." + tool, reason)));
    }
    if (doc.containsKey("constraints")) {
      speak(point, "constraints", answer);
      object(point, "constraints", doc.get("constraints"))
          .forEach(
              (tool, arguments) ->
                  object(point, "constraints." + tool, arguments)
                      .forEach(
                          (argument, schema) ->
                              object(point, "constraints." + tool + "." + argument, schema)
                                  .forEach(
                                      (keyword, value) ->
                                          answer.constrain(
                                              String.valueOf(tool),
                                              String.valueOf(argument),
                                              String.valueOf(keyword),
                                              value))));
    }
  }

  private void speak(DecisionPoint point, String rule, Answer answer) {
    List<RuleDefinition> sources = index.definitions(point.regoPackage(), rule);
    String files =
        sources.stream().map(s -> s.file() + ":" + s.line()).collect(Collectors.joining(", "));
    answer.speaking(point.regoQuery() + "." + rule, files);
  }

  private static String string(DecisionPoint point, String field, Object value) {
    if (value instanceof String text) {
      return text;
    }
    throw new RegoFailure(point.regoQuery() + "." + field + " must be a string, got " + value);
  }

  private static boolean bool(DecisionPoint point, String field, Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    throw new RegoFailure(point.regoQuery() + "." + field + " must be a boolean, got " + value);
  }

  private static Collection<?> collection(DecisionPoint point, String field, Object value) {
    if (value instanceof Collection<?> items) {
      return items;
    }
    throw new RegoFailure(
        point.regoQuery() + "." + field + " must be a set or array, got " + value);
  }

  private static List<String> strings(DecisionPoint point, String field, Object value) {
    return collection(point, field, value).stream()
        .map(item -> string(point, field + "[]", item))
        .toList();
  }

  private static Map<?, ?> object(DecisionPoint point, String field, Object value) {
    if (value instanceof Map<?, ?> map) {
      return map;
    }
    throw new RegoFailure(point.regoQuery() + "." + field + " must be an object, got " + value);
  }
}
