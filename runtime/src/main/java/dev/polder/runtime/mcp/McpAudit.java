package dev.polder.runtime.mcp;

import dev.polder.runtime.audit.AuditJson;
import dev.polder.runtime.audit.AuditRecord;
import dev.polder.runtime.audit.AuditRecordBuilder;
import dev.polder.runtime.audit.trail.AuditTrail;
import dev.polder.runtime.decision.answer.Contribution;
import dev.polder.runtime.decision.combine.PointOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Where every MCP tool call's audit record goes: one {@link AuditRecord} per call (endpoint {@code
 * mcp/tools/call}, virtual model = the namespaced tool, backend = the server), appended to the
 * gateway's hash-chained audit log before the call's answer is sent; with audit off, to the {@code
 * polder.audit} logger. A record that cannot be written fails the call (fail closed).
 */
@ApplicationScoped
public class McpAudit {
  private static final Logger AUDIT = Logger.getLogger("polder.audit");
  private static final int RECENT = 256;

  private final Deque<AuditRecord> recent = new ArrayDeque<>();
  private volatile Consumer<AuditRecord> sink;

  @Inject
  public McpAudit(AuditTrail trail) {
    this.sink =
        trail.enabled()
            ? trail::append
            : record ->
                AUDIT.info(new String(AuditJson.recordBytes(record), StandardCharsets.UTF_8));
  }

  /** Replaces where records go (the audit log's append). */
  public void sink(Consumer<AuditRecord> target) {
    this.sink = target;
  }

  /** The last records written, newest last (for the admin view and tests). */
  public synchronized List<AuditRecord> recent() {
    return new ArrayList<>(recent);
  }

  /** One tool call, as it ended. */
  record ToolCall(
      String requestId,
      String principal,
      String server,
      String tool,
      boolean external,
      String bundleHash,
      PointOutcome<?> decision,
      Map<String, Integer> findings,
      Map<String, Map<String, Integer>> redactions,
      long millis,
      String status,
      String error) {}

  void record(ToolCall call) {
    AuditRecordBuilder builder =
        AuditRecordBuilder.request(call.requestId(), "mcp/tools/call")
            .principal(call.principal())
            .route(call.server() + "__" + call.tool(), call.server(), call.external())
            .findings(call.findings())
            .outcome(httpLike(call.status()), call.error(), Math.max(0, call.millis()));
    if (call.decision() != null) {
      List<AuditRecord.DecisionStep> steps = new ArrayList<>();
      for (Contribution c : call.decision().contributions()) {
        steps.add(
            new AuditRecord.DecisionStep(
                call.decision().point().folder(),
                c.engine(),
                c.file() + ":" + c.rule(),
                c.effect()));
      }
      builder.decision(new AuditRecord.DecisionTrace(call.bundleHash(), call.status(), steps));
    }
    call.redactions()
        .forEach(
            (type, actions) -> actions.forEach((action, n) -> builder.redaction(type, action, n)));
    AuditRecord record = builder.build();
    synchronized (this) {
      recent.addLast(record);
      while (recent.size() > RECENT) {
        recent.removeFirst();
      }
    }
    sink.accept(record);
  }

  /** The outcome as an HTTP-like status, so MCP records sort with the others. */
  private static int httpLike(String status) {
    return switch (status) {
      case "ok", "tool_error" -> 200;
      case "invalid_arguments", "unknown_tool" -> 400;
      case "denied", "disabled" -> 403;
      case "rate_limited", "limited" -> 429;
      case "timeout" -> 504;
      case "limits_unavailable", "detector_not_ready" -> 503;
      default -> 502;
    };
  }
}
