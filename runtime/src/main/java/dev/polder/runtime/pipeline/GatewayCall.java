package dev.polder.runtime.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.connectors.api.Endpoint;
import dev.polder.connectors.api.Usage;
import dev.polder.runtime.identity.Principal;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.vertx.core.MultiMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One request as the pipeline steps see it: what arrived, what the steps decided, and (for the
 * after-route) how the backend call went. It rides in the exchange property {@link #PROPERTY}, so
 * route steps may replace the message body freely.
 */
public final class GatewayCall {

  public static final String PROPERTY = "polder.call";

  /** Exchange property with the W3C trace id of the request (32 hex digits), for audit records. */
  public static final String TRACE_ID_PROPERTY = "polder.trace-id";

  private final String requestId;
  private final Operation operation;
  private final MultiMap headers;
  private final byte[] rawBody;
  private final long receivedNanos = System.nanoTime();

  private Principal principal;
  private ObjectNode request;
  private String model;
  private boolean stream;
  private boolean egressPermitted;
  private List<String> candidates = List.of();
  private String stickyKey;
  private ObjectNode responseBody;
  private boolean dryRun;
  private String decisionSummary;

  // Filled in after the backend call, for the after-route.
  private String backend;
  private int status;
  private Usage usage;
  private long timeToFirstByteMicros = -1;
  private String errorCode;

  // Exchange properties the steps set (findings, decision, ...), carried from route to route.
  private final Map<String, Object> properties = new ConcurrentHashMap<>();
  // What a step leaves for the edge or a later step, keyed by its type (this package knows no
  // step).
  private final Map<Class<?>, Object> attachments = new ConcurrentHashMap<>();
  // The request's OpenTelemetry context (its request span), set by the edge's telemetry.
  private Context traceContext = Context.root();

  public GatewayCall(String requestId, Operation operation, MultiMap headers, byte[] rawBody) {
    this.requestId = requestId;
    this.operation = operation;
    this.headers = headers;
    this.rawBody = rawBody;
  }

  /** What the caller asked for; the route names follow it. */
  public enum Operation {
    CHAT_COMPLETIONS("chat-completions", Endpoint.CHAT_COMPLETIONS),
    COMPLETIONS("completions", Endpoint.COMPLETIONS),
    EMBEDDINGS("embeddings", Endpoint.EMBEDDINGS),
    MODELS("models", null);

    private final String routeId;
    private final Endpoint endpoint;

    Operation(String routeId, Endpoint endpoint) {
      this.routeId = routeId;
      this.endpoint = endpoint;
    }

    /** The route run before the backend call: {@code routes/<routeId>.camel.yaml}. */
    public String routeId() {
      return routeId;
    }

    public Endpoint endpoint() {
      return endpoint;
    }
  }

  public String requestId() {
    return requestId;
  }

  public Operation operation() {
    return operation;
  }

  public String authorization() {
    return headers.get("Authorization");
  }

  /** A request header of the caller (case-insensitive name). */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name)).filter(v -> !v.isBlank());
  }

  public byte[] rawBody() {
    return rawBody;
  }

  public long receivedNanos() {
    return receivedNanos;
  }

  public Principal principal() {
    return principal;
  }

  public void principal(Principal value) {
    this.principal = value;
  }

  public ObjectNode request() {
    return request;
  }

  public void request(ObjectNode value) {
    this.request = value;
  }

  public String model() {
    return model;
  }

  public void model(String value) {
    this.model = value;
  }

  public boolean stream() {
    return stream;
  }

  public void stream(boolean value) {
    this.stream = value;
  }

  public boolean egressPermitted() {
    return egressPermitted;
  }

  public void egressPermitted(boolean value) {
    this.egressPermitted = value;
  }

  /** Backends to try, in order: the selected one first, then failover and fallback. */
  public List<String> candidates() {
    return candidates;
  }

  public void candidates(List<String> value) {
    this.candidates = List.copyOf(value);
  }

  public Optional<String> stickyKey() {
    return Optional.ofNullable(stickyKey);
  }

  public void stickyKey(String value) {
    this.stickyKey = value;
  }

  /** A response the pipeline produced itself (e.g. the model list); no backend call then. */
  public Optional<ObjectNode> responseBody() {
    return Optional.ofNullable(responseBody);
  }

  public void responseBody(ObjectNode value) {
    this.responseBody = value;
  }

  /**
   * An explain call: the steps run as for a real request, but no backend is called. Steps with side
   * effects outside the request (reservations, vault entries) may look at it; routes see the header
   * {@link PipelineHeaders#DRY_RUN}.
   */
  public boolean dryRun() {
    return dryRun;
  }

  public void dryRun(boolean value) {
    this.dryRun = value;
  }

  /**
   * The decision in short, as the response header {@code x-polder-decision} shows it (e.g. {@code
   * allow; level=internal; egress=false}); empty before any decision step ran.
   */
  public Optional<String> decisionSummary() {
    return Optional.ofNullable(decisionSummary);
  }

  public void decisionSummary(String value) {
    this.decisionSummary = value;
  }

  public Optional<String> backend() {
    return Optional.ofNullable(backend);
  }

  public void backend(String value) {
    this.backend = value;
  }

  public int status() {
    return status;
  }

  public void status(int value) {
    this.status = value;
  }

  public Optional<Usage> usage() {
    return Optional.ofNullable(usage);
  }

  public void usage(Usage value) {
    this.usage = value;
  }

  public long timeToFirstByteMicros() {
    return timeToFirstByteMicros;
  }

  public void timeToFirstByteMicros(long value) {
    this.timeToFirstByteMicros = value;
  }

  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  public void errorCode(String value) {
    this.errorCode = value;
  }

  /**
   * The exchange properties that steps of this call's routes set (e.g. {@code polder.findings},
   * {@code polder.decision}): each route's exchange starts with them and hands its own back, so the
   * after-route (audit) sees what the before-route decided. Null values are not kept.
   */
  public Map<String, Object> properties() {
    return properties;
  }

  /** Leaves {@code value} for the edge or a later step; replaces an earlier one of that type. */
  public <T> void attach(Class<T> type, T value) {
    attachments.put(type, type.cast(value));
  }

  /** What a step attached with {@link #attach}, if any. */
  public <T> Optional<T> attached(Class<T> type) {
    return Optional.ofNullable(type.cast(attachments.get(type)));
  }

  /** The request's trace context: its request span, a child of the caller's W3C traceparent. */
  public Context traceContext() {
    return traceContext;
  }

  public void traceContext(Context value) {
    this.traceContext = value == null ? Context.root() : value;
  }

  /** The W3C trace id of this request, or "" when tracing is off. */
  public String traceId() {
    SpanContext span = Span.fromContext(traceContext).getSpanContext();
    return span.isValid() ? span.getTraceId() : "";
  }

  public static GatewayCall of(org.apache.camel.Exchange exchange) {
    GatewayCall call = exchange.getProperty(PROPERTY, GatewayCall.class);
    if (call == null) {
      throw new IllegalStateException(
          "exchange property " + PROPERTY + " is missing: the route must be entered by the edge");
    }
    return call;
  }
}
