package dev.polder.connectors.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a call to a backend failed. Every failure of a connector's futures is one of these; nothing
 * else escapes. It carries what the runtime needs to decide on failover and accounting.
 */
public final class UpstreamFailure extends RuntimeException {

  /** What went wrong, with the HTTP status the gateway answers and the OpenAI error type. */
  public enum Kind {
    CONNECT_FAILED(502, "upstream_error", true),
    CONNECT_TIMEOUT(504, "timeout_error", true),
    FIRST_BYTE_TIMEOUT(504, "timeout_error", true),
    IDLE_TIMEOUT(504, "timeout_error", true),
    TOTAL_TIMEOUT(504, "timeout_error", true),
    CONNECTION_RESET(502, "upstream_error", true),
    UPSTREAM_SERVER_ERROR(502, "upstream_error", true),
    /** 429 after the retries; the backend is healthy but busy: does not open the circuit. */
    RATE_LIMITED(429, "rate_limit_error", false),
    /** Invalid JSON, truncated stream, a non-SSE body where SSE was asked for. */
    INVALID_RESPONSE(502, "upstream_error", true),
    /** The circuit of this backend is open: the call was not attempted. */
    CIRCUIT_OPEN(503, "service_unavailable", false),
    /** The backend cannot do this operation (e.g. embeddings on a chat-only provider). */
    UNSUPPORTED_OPERATION(400, "invalid_request_error", false),
    /** The caller cancelled the stream; says nothing about the backend. */
    CANCELLED(499, "cancelled", false),
    /** The request could not be translated for this backend. */
    INVALID_REQUEST(400, "invalid_request_error", false);

    private final int httpStatus;
    private final String errorType;
    private final boolean countsAgainstCircuit;

    Kind(int httpStatus, String errorType, boolean countsAgainstCircuit) {
      this.httpStatus = httpStatus;
      this.errorType = errorType;
      this.countsAgainstCircuit = countsAgainstCircuit;
    }

    /** {@code connect_timeout} etc.: the {@code error.code} in OpenAI's error shape. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Kind kind;
  private final String backend;
  private final boolean beforeFirstByte;
  private final Integer upstreamStatus;
  private final Duration retryAfter;

  public UpstreamFailure(
      Kind kind,
      String backend,
      String message,
      boolean beforeFirstByte,
      Integer upstreamStatus,
      Duration retryAfter,
      Throwable cause) {
    super(message, cause, false, false);
    this.kind = kind;
    this.backend = backend;
    this.beforeFirstByte = beforeFirstByte;
    this.upstreamStatus = upstreamStatus;
    this.retryAfter = retryAfter;
  }

  public static UpstreamFailure of(Kind kind, String backend, String message) {
    return new UpstreamFailure(kind, backend, message, true, null, null, null);
  }

  public Kind kind() {
    return kind;
  }

  public String backend() {
    return backend;
  }

  /**
   * True when no byte of the response reached the caller: the runtime may safely fail over to the
   * next target of the virtual model.
   */
  public boolean beforeFirstByte() {
    return beforeFirstByte;
  }

  /** Whether this failure was (or would be) recorded against the backend's circuit breaker. */
  public boolean countsAgainstCircuit() {
    return kind.countsAgainstCircuit;
  }

  /** Whether failing over to another backend is safe and sensible for this failure. */
  public boolean failoverSafe() {
    return beforeFirstByte
        && kind != Kind.CANCELLED
        && kind != Kind.INVALID_REQUEST
        && kind != Kind.UNSUPPORTED_OPERATION;
  }

  /** Status the gateway answers with: 502, 503, 504, or 429 / 400 where those fit. */
  public int httpStatus() {
    return kind.httpStatus;
  }

  /** OpenAI's {@code error.type}: {@code upstream_error}, {@code timeout_error}, … */
  public String errorType() {
    return kind.errorType;
  }

  public Optional<Integer> upstreamStatus() {
    return Optional.ofNullable(upstreamStatus);
  }

  /** The wait the upstream asked for in {@code Retry-After}, already capped. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** This failure, now after the first byte was relayed. */
  public UpstreamFailure afterFirstByte() {
    return new UpstreamFailure(
        kind, backend, getMessage(), false, upstreamStatus, retryAfter, getCause());
  }

  /** OpenAI's error shape: {@code {"error":{"message","type","code"}}}. */
  public ObjectNode toErrorBody() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ObjectNode error = root.putObject("error");
    error.put("message", getMessage());
    error.put("type", errorType());
    error.put("code", kind.code());
    return root;
  }

  @Override
  public String toString() {
    return "UpstreamFailure[" + kind.code() + ", backend=" + backend + "]: " + getMessage();
  }
}
