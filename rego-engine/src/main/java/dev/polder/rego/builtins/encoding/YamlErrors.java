package dev.polder.rego.builtins.encoding;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/** Rephrases SnakeYAML parse errors in the shape of Go's yaml.v3 ("yaml: line N: ..."). */
final class YamlErrors {

  private YamlErrors() {}

  static String goMessage(JsonProcessingException e) {
    String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    JsonLocation loc = e.getLocation();
    int line = loc == null ? 1 : Math.max(1, loc.getLineNr());
    Throwable cause = e.getCause();
    String problem = msg;
    if (cause instanceof org.yaml.snakeyaml.error.MarkedYAMLException m) {
      problem = m.getProblem() == null ? msg : m.getProblem();
      if (m.getContextMark() != null) {
        line = m.getContextMark().getLine() + 1;
      } else if (m.getProblemMark() != null) {
        line = m.getProblemMark().getLine() + 1;
      }
    }
    problem = problem.strip();
    // SnakeYAML: "expected ',' or ']', but got <stream end>"; yaml.v3: "did not find expected ..."
    if (problem.startsWith("expected ")) {
      int but = problem.indexOf(", but ");
      problem = "did not find " + (but > 0 ? problem.substring(0, but) : problem);
    }
    return "yaml: line " + line + ": " + problem;
  }
}
