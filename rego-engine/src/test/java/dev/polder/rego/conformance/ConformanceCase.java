package dev.polder.rego.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One OPA test case as its YAML file has it (schema: opa-conformance/README.md). */
record ConformanceCase(
    Path file,
    String folder,
    String note,
    String query,
    Map<String, String> modules,
    JsonNode data,
    JsonNode input,
    String inputTerm,
    JsonNode wantResult,
    boolean sortBindings,
    String wantErrorCode,
    String wantError,
    boolean strict,
    boolean ignoreGeneratedVars) {

  static ConformanceCase of(Path file, String folder, JsonNode c) {
    Map<String, String> modules = new LinkedHashMap<>();
    List<String> srcs = new ArrayList<>();
    if (c.has("modules")) {
      c.get("modules").forEach(m -> srcs.add(m.asText()));
    }
    for (int i = 0; i < srcs.size(); i++) {
      modules.put("test-" + i + ".rego", srcs.get(i));
    }
    return new ConformanceCase(
        file,
        folder,
        c.path("note").asText(),
        c.path("query").asText(),
        modules,
        c.get("data"),
        c.get("input"),
        c.has("input_term") ? c.get("input_term").asText() : null,
        c.get("want_result"),
        c.path("sort_bindings").asBoolean(false),
        c.has("want_error_code") ? c.get("want_error_code").asText() : null,
        c.has("want_error") ? c.get("want_error").asText() : null,
        c.path("strict_error").asBoolean(false),
        c.path("ignore_generated_vars").asBoolean(false));
  }

  /** Why this case cannot run here (network, sleeping), or null. */
  String skipReason() {
    String all = query + " " + String.join("\n", modules.values());
    if (all.contains("net.lookup_ip_addr")) {
      return "needs DNS (net.lookup_ip_addr)";
    }
    if (all.contains("http.send")) {
      return "needs the network (http.send)";
    }
    if (all.contains("test.sleep")) {
      return "uses the test-only built-in test.sleep";
    }
    return null;
  }
}
