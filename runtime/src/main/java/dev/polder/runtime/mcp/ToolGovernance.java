package dev.polder.runtime.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import dev.polder.connectors.mcp.McpUpstreamException;
import dev.polder.pii.ner.NerNotReadyException;
import dev.polder.runtime.decision.DecisionRun;
import dev.polder.runtime.decision.DecisionService;
import dev.polder.runtime.decision.combine.PointOutcome;
import dev.polder.runtime.decision.combine.RedactResult;
import dev.polder.runtime.decision.combine.ToolVerdict;
import dev.polder.runtime.decision.input.DecisionInput;
import dev.polder.runtime.decision.input.FindingSummary;
import dev.polder.runtime.decision.input.Principal;
import dev.polder.runtime.decision.input.Request;
import dev.polder.runtime.decision.input.Tool;
import dev.polder.runtime.detect.Detectors;
import dev.polder.runtime.limits.ToolRates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The governed tool path. {@code tools/list}: each server's allowed, enabled tools that the
 * tool-access decision lets the caller use. {@code tools/call}: resolve → validate the arguments
 * against the tool's JSON Schema → detect PII and secrets in them → tool-access decision (and its
 * argument constraints) → rate and concurrency limits → call with a timeout → scan the result and
 * redact it as the redact decision says → one audit record, whatever happened.
 */
@ApplicationScoped
public class ToolGovernance {
  private static final Logger LOG = Logger.getLogger(ToolGovernance.class);

  private final DecisionService decisions;
  private final McpRegistry registry;
  private final McpAudit audit;
  private final ToolRates rates;
  private final ToolFindings findings;

  @Inject
  public ToolGovernance(
      DecisionService decisions,
      McpRegistry registry,
      McpAudit audit,
      ToolRates rates,
      Detectors detectors) {
    this.decisions = decisions;
    this.registry = registry;
    this.audit = audit;
    this.rates = rates;
    this.findings = ToolFindings.of(detectors);
  }

  /** Scans with the gateway's detectors; fails the call closed while a detector cannot run. */
  private ToolFindings.Scan scan(String name, JsonNode document) {
    try {
      return findings.scan(document);
    } catch (NerNotReadyException e) {
      throw new McpError(
          McpError.UNAVAILABLE,
          "The detectors are not ready ("
              + e.getMessage()
              + "); the call of "
              + name
              + " is refused until they are",
          ToolSchemas.JSON.createObjectNode().put("retry_after_ms", 5000),
          "detector_not_ready");
    }
  }

  /** The tool definitions this caller may use, namespaced. Unreachable servers are left out. */
  List<JsonNode> list(McpCaller caller, String requestId) {
    List<JsonNode> out = new ArrayList<>();
    for (ServerTools server : registry.servers()) {
      List<RegisteredTool> enabled;
      try {
        enabled = server.tools().values().stream().filter(RegisteredTool::enabled).toList();
      } catch (McpUpstreamException e) {
        LOG.warnf("MCP server %s left out of tools/list: %s", server.name(), e.getMessage());
        continue;
      }
      if (enabled.isEmpty()) {
        continue;
      }
      DecisionRun run = decisions.start(input(caller, server, enabled, List.of(), requestId));
      Map<String, ToolVerdict> verdicts = run.toolAccess().result();
      for (RegisteredTool tool : enabled) {
        ToolVerdict verdict = verdicts.get(tool.name());
        if (verdict != null && verdict.allowed()) {
          out.add(tool.definition());
        }
      }
    }
    return out;
  }

  /** Servers whose tools this caller may use at all (for resources and prompts). */
  boolean mayUseServer(McpCaller caller, ServerTools server, String pseudoTool, String requestId) {
    RegisteredTool pseudo =
        new RegisteredTool(
            server.name(),
            pseudoTool,
            ToolSchemas.JSON.createObjectNode(),
            null,
            "",
            Map.of(),
            null,
            null,
            null);
    DecisionRun run = decisions.start(input(caller, server, List.of(pseudo), List.of(), requestId));
    ToolVerdict verdict = run.toolAccess().result().get(pseudoTool);
    return verdict != null && verdict.allowed();
  }

  /** Runs one tools/call; the answer is the (redacted) result or an {@link McpError}. */
  JsonNode call(McpCaller caller, String requestId, JsonNode params, Consumer<JsonNode> progress) {
    long started = System.nanoTime();
    CallRecord record = new CallRecord();
    String name = params.path("name").asText("");
    try {
      return callGoverned(caller, requestId, name, params, progress, record);
    } catch (McpError e) {
      record.status = e.status();
      record.error = e.getMessage();
      throw e;
    } catch (RuntimeException e) {
      LOG.errorf(e, "MCP tools/call %s failed in the gateway", name);
      record.status = "error";
      record.error = "internal error";
      throw new McpError(McpError.INTERNAL, "The gateway failed to handle the call of " + name);
    } finally {
      int cut = name.indexOf(RegisteredTool.SEPARATOR);
      audit.record(
          new McpAudit.ToolCall(
              requestId,
              caller.principal().id(),
              cut > 0 ? name.substring(0, cut) : "",
              cut > 0 ? name.substring(cut + 2) : name,
              record.external,
              record.bundle,
              record.decision,
              record.findings,
              record.redactions,
              (System.nanoTime() - started) / 1_000_000,
              record.status,
              record.error));
    }
  }

  private static final class CallRecord {
    boolean external;
    String bundle = "";
    PointOutcome<?> decision;
    final Map<String, Integer> findings = new TreeMap<>();
    final Map<String, Map<String, Integer>> redactions = new TreeMap<>();
    String status = "error";
    String error;
  }

  private JsonNode callGoverned(
      McpCaller caller,
      String requestId,
      String name,
      JsonNode params,
      Consumer<JsonNode> progress,
      CallRecord record) {
    int cut = name.indexOf(RegisteredTool.SEPARATOR);
    ServerTools server = cut > 0 ? registry.server(name.substring(0, cut)).orElse(null) : null;
    if (server == null) {
      throw new McpError(McpError.INVALID_PARAMS, "Unknown tool: " + name, null, "unknown_tool");
    }
    record.external = server.external();
    RegisteredTool tool;
    try {
      tool = server.tools().get(name.substring(cut + 2));
    } catch (McpUpstreamException e) {
      throw upstreamFailure(server, e);
    }
    if (tool == null) {
      throw new McpError(McpError.INVALID_PARAMS, "Unknown tool: " + name, null, "unknown_tool");
    }
    if (!tool.enabled()) {
      throw new McpError(
          McpError.DISABLED, "Tool " + name + " is disabled: " + tool.disabledReason());
    }
    JsonNode arguments =
        params.has("arguments") ? params.get("arguments") : ToolSchemas.JSON.createObjectNode();
    if (!arguments.isObject()) {
      throw new McpError(
          McpError.INVALID_PARAMS,
          "Invalid arguments for tool " + name + ": arguments must be an object");
    }
    List<String> problems = ToolSchemas.problems(tool.schema(), arguments);
    if (!problems.isEmpty()) {
      throw new McpError(
          McpError.INVALID_PARAMS,
          "Invalid arguments for tool " + name + ": " + String.join("; ", problems));
    }

    ToolFindings.Scan argumentScan = scan(name, arguments);
    argumentScan.countsByType().forEach((type, n) -> record.findings.merge(type, n, Integer::sum));
    DecisionRun run =
        decisions.start(input(caller, server, List.of(tool), argumentScan.summary(), requestId));
    record.bundle = run.bundleHash();
    PointOutcome<Map<String, ToolVerdict>> access = run.toolAccess();
    record.decision = access;
    ToolVerdict verdict = access.result().get(tool.name());
    if (verdict == null || !verdict.allowed()) {
      throw new McpError(
          McpError.DENIED,
          "Tool "
              + name
              + " denied by policy: "
              + (verdict == null ? "no decision" : verdict.reason()));
    }
    if (!argumentScan.empty()) {
      RedactResult redact = run.redact().result();
      List<String> blocked =
          argumentScan.countsByType().keySet().stream()
              .filter(
                  type ->
                      redact.actionFor(type)
                          == dev.polder.runtime.decision.answer.RedactAction.BLOCK)
              .toList();
      if (!blocked.isEmpty() || run.redact().error()) {
        throw new McpError(
            McpError.DENIED,
            "Tool "
                + name
                + " denied by policy: the arguments contain "
                + String.join(", ", blocked)
                + ", which policy never lets through");
      }
    }
    checkConstraints(name, tool, verdict, arguments);

    ToolLimiter limiter = tool.limiter();
    checkRate(name, tool, limiter);
    boolean entered;
    try {
      entered = limiter.enter(tool.timeout().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new McpError(McpError.INTERNAL, "interrupted");
    }
    if (!entered) {
      throw new McpError(
          McpError.LIMITED,
          "Tool " + name + " is busy (" + limiter.concurrency() + " calls in flight); retry later",
          null,
          "limited");
    }
    JsonNode result;
    try {
      ObjectNode upstreamParams = ToolSchemas.JSON.createObjectNode().put("name", tool.name());
      upstreamParams.set("arguments", arguments);
      result = server.upstream().request("tools/call", upstreamParams, tool.timeout(), progress);
    } catch (McpUpstreamException e) {
      throw upstreamFailure(server, e);
    } finally {
      limiter.leave();
    }

    ToolFindings.Scan resultScan = scan(name, result);
    record.status = result.path("isError").asBoolean(false) ? "tool_error" : "ok";
    if (resultScan.empty()) {
      return result;
    }
    resultScan.countsByType().forEach((type, n) -> record.findings.merge(type, n, Integer::sum));
    DecisionRun after =
        decisions.start(input(caller, server, List.of(tool), resultScan.summary(), requestId));
    PointOutcome<RedactResult> redact = after.redact();
    if (redact.error() || redact.result().blocks()) {
      record.status = "withheld";
      ObjectNode withheld = ToolSchemas.JSON.createObjectNode().put("isError", true);
      withheld
          .putArray("content")
          .addObject()
          .put("type", "text")
          .put(
              "text",
              "The result of "
                  + name
                  + " was withheld: it contains data that policy never lets through.");
      resultScan
          .countsByType()
          .keySet()
          .forEach(
              type ->
                  record
                      .redactions
                      .computeIfAbsent(type, t -> new TreeMap<>())
                      .merge("block", 1, Integer::sum));
      return withheld;
    }
    return findings.redact(
        result, resultScan, redact.result(), caller.sessionId(), record.redactions);
  }

  /** The tool's per-minute rate, counted over the cluster in the shared limit counters. */
  private void checkRate(String name, RegisteredTool tool, ToolLimiter limiter) {
    ToolRates.Outcome outcome = rates.take(tool.server(), tool.name(), limiter.perMinute());
    if (outcome instanceof ToolRates.Refused refused) {
      ObjectNode data =
          ToolSchemas.JSON.createObjectNode().put("retry_after_ms", refused.retryAfterMillis());
      throw new McpError(
          McpError.LIMITED,
          "Rate limit of "
              + limiter.perMinute()
              + " calls per minute reached for tool "
              + name
              + "; retry later",
          data,
          "rate_limited");
    }
    if (outcome instanceof ToolRates.Unavailable unavailable) {
      // Fail closed, as the LLM limits do: without the shared counters no rate can be kept.
      LOG.warnf("MCP tools/call %s: limit counters unavailable: %s", name, unavailable.reason());
      throw new McpError(
          McpError.UNAVAILABLE,
          "The limit counters are unavailable (cluster changing?); retry the call of "
              + name
              + " shortly",
          ToolSchemas.JSON.createObjectNode().put("retry_after_ms", 1000),
          "limits_unavailable");
    }
  }

  private static void checkConstraints(
      String name, RegisteredTool tool, ToolVerdict verdict, JsonNode arguments) {
    Map<String, List<JsonNode>> all = new LinkedHashMap<>();
    tool.constraints()
        .forEach(
            (arg, fragments) -> all.computeIfAbsent(arg, a -> new ArrayList<>()).addAll(fragments));
    verdict
        .constraints()
        .forEach(
            (arg, fragments) ->
                fragments.forEach(
                    f ->
                        all.computeIfAbsent(arg, a -> new ArrayList<>())
                            .add(ToolSchemas.JSON.valueToTree(f))));
    if (all.isEmpty()) {
      return;
    }
    Schema schema = ToolSchemas.constraints(all);
    List<String> problems = ToolSchemas.problems(schema, arguments);
    if (!problems.isEmpty()) {
      throw new McpError(
          McpError.DENIED,
          "Tool "
              + name
              + " denied by policy: the arguments break its constraints: "
              + String.join("; ", problems),
          null,
          "denied");
    }
  }

  private static McpError upstreamFailure(ServerTools server, McpUpstreamException e) {
    return switch (e.kind()) {
      case ERROR ->
          new McpError(
              e.code() == McpError.INVALID_PARAMS ? McpError.INVALID_PARAMS : McpError.UPSTREAM,
              "MCP server " + server.name() + " answered with an error: " + e.getMessage(),
              null,
              "upstream_error");
      case TIMEOUT -> new McpError(McpError.UPSTREAM, e.getMessage(), null, "timeout");
      default -> new McpError(McpError.UPSTREAM, e.getMessage(), null, "upstream_error");
    };
  }

  private static DecisionInput input(
      McpCaller caller,
      ServerTools server,
      List<RegisteredTool> tools,
      List<FindingSummary> findings,
      String requestId) {
    List<Tool> offered = new ArrayList<>();
    for (RegisteredTool tool : tools) {
      offered.add(new Tool(tool.name(), server.name(), tool.argumentNames()));
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("mcp-environment", server.config().environment());
    metadata.put("mcp-location", server.config().location());
    Request request = new Request(requestId, "mcp", "", false, null, offered, List.of(), metadata);
    dev.polder.runtime.identity.Principal who = caller.principal();
    Principal principal =
        new Principal(
            who.id(),
            who.kind(),
            who.team(),
            who.roles(),
            who.environment(),
            caller.sourceAddress());
    return new DecisionInput(request, principal, findings, null, List.of());
  }
}
