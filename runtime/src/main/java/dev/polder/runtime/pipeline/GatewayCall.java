package dev.polder.runtime.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.connectors.api.Endpoint;
import dev.polder.connectors.api.Usage;
import dev.polder.runtime.identity.Principal;
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

  // Filled in after the backend call, for the after-route.
  private String backend;
  private int status;
  private Usage usage;
  private long timeToFirstByteMicros = -1;
  private String errorCode;

  // What optional steps keep for the after-route (e.g. a limits reservation), by type.
  private final Map<Class<?>, Object> attachments = new ConcurrentHashMap<>();

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

  /** What a step attached to this call, by its type. */
  public <T> Optional<T> attachment(Class<T> type) {
    return Optional.ofNullable(type.cast(attachments.get(type)));
  }

  /** Keeps a value on the call for later steps (also those of the after-route). */
  public <T> void attach(Class<T> type, T value) {
    attachments.put(type, value);
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
