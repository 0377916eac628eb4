package dev.polder.connectors.transport;

import dev.polder.connectors.api.BackendSpec;
import dev.polder.connectors.api.UpstreamFailure;
import dev.polder.connectors.api.UpstreamFailure.Kind;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * One HTTP attempt against a backend with its timers: connect (by the client), first byte (until
 * the consumer calls {@link #firstByteReceived()}), idle (between chunks after that) and total. Any
 * timer or transport error ends the exchange once, with one {@link UpstreamFailure}: before the
 * response head it fails {@link #send}'s future, afterwards it goes to the {@link #onFailure}
 * handler of whoever reads the body.
 */
public final class UpstreamExchange {

  private final Vertx vertx;
  private final HttpClient client;
  private final BackendSpec spec;
  private final Promise<HttpClientResponse> head = Promise.promise();
  private Handler<UpstreamFailure> failureHandler = f -> {};
  private HttpClientRequest request;
  private long totalTimer = -1;
  private long firstByteTimer = -1;
  private long idleTimer = -1;
  private long lastActivityNanos;
  private boolean firstByte;
  private boolean done;

  public UpstreamExchange(Vertx vertx, HttpClient client, BackendSpec spec) {
    this.vertx = vertx;
    this.client = client;
    this.spec = spec;
  }

  /** Sends the request; completes with the response head, or fails with an UpstreamFailure. */
  public Future<HttpClientResponse> send(
      HttpMethod method, String url, MultiMap headers, Buffer body) {
    return send(method, url, headers, body, null);
  }

  /**
   * As {@link #send(HttpMethod, String, MultiMap, Buffer)}, aborted when {@code call} is cancelled.
   */
  public Future<HttpClientResponse> send(
      HttpMethod method, String url, MultiMap headers, Buffer body, CallContext call) {
    if (call != null) {
      call.cancelled()
          .onSuccess(
              v ->
                  fail(
                      new UpstreamFailure(
                          Kind.CANCELLED,
                          spec.name(),
                          "the caller cancelled the call to backend '" + spec.name() + "'",
                          true,
                          null,
                          null,
                          null)));
    }
    totalTimer =
        vertx.setTimer(
            spec.timeouts().total().toMillis(),
            t ->
                fail(
                    Kind.TOTAL_TIMEOUT,
                    "backend '"
                        + spec.name()
                        + "' did not finish within "
                        + spec.timeouts().total().toMillis()
                        + " ms"));
    RequestOptions options =
        new RequestOptions()
            .setMethod(method)
            .setAbsoluteURI(url)
            .setHeaders(headers)
            .setConnectTimeout(spec.timeouts().connect().toMillis());
    client
        .request(options)
        .onComplete(
            ar -> {
              if (ar.failed()) {
                connectFailed(ar.cause());
                return;
              }
              request = ar.result();
              // Set before anything can reset the request: a reset without a handler is logged
              // by Vert.x as an unhandled error; after the end, transportFailed ignores it.
              request.exceptionHandler(this::transportFailed);
              if (done) {
                request.reset(); // cancelled while the connection was being leased
                return;
              }
              firstByteTimer =
                  vertx.setTimer(
                      spec.timeouts().firstByte().toMillis(),
                      t ->
                          fail(
                              Kind.FIRST_BYTE_TIMEOUT,
                              "backend '"
                                  + spec.name()
                                  + "' sent no first byte within "
                                  + spec.timeouts().firstByte().toMillis()
                                  + " ms"));
              Future<HttpClientResponse> sent = body == null ? request.send() : request.send(body);
              sent.onComplete(
                  res -> {
                    if (res.failed()) {
                      transportFailed(res.cause());
                    } else if (!done) {
                      // Paused until a reader sets its handlers: the caller may attach them on
                      // another thread after a small body has already arrived and ended.
                      res.result().pause();
                      head.tryComplete(res.result());
                    }
                  });
            });
    return head.future();
  }

  /** Where failures after the response head go (set by the body reader or stream relay). */
  public void onFailure(Handler<UpstreamFailure> handler) {
    this.failureHandler = handler;
  }

  /** The first byte (or first stream event) arrived: stop the first-byte timer, arm idle. */
  public void firstByteReceived() {
    if (!firstByte) {
      firstByte = true;
      cancel(firstByteTimer);
      firstByteTimer = -1;
    }
    touch();
  }

  /**
   * Data arrived. Only a timestamp per chunk: the idle timer, when it fires, re-arms itself for the
   * rest of the window if data came in meanwhile (cheaper than a new timer per chunk).
   */
  public void touch() {
    if (done || !firstByte) {
      return;
    }
    lastActivityNanos = System.nanoTime();
    if (idleTimer < 0) {
      armIdle(spec.timeouts().idle().toMillis());
    }
  }

  private void armIdle(long delayMillis) {
    idleTimer =
        vertx.setTimer(
            Math.max(1, delayMillis),
            t -> {
              idleTimer = -1;
              if (done) {
                return;
              }
              long idleMillis = spec.timeouts().idle().toMillis();
              long silentMillis = (System.nanoTime() - lastActivityNanos) / 1_000_000;
              if (silentMillis < idleMillis) {
                armIdle(idleMillis - silentMillis);
              } else {
                fail(
                    Kind.IDLE_TIMEOUT,
                    "backend '"
                        + spec.name()
                        + "' stalled for more than "
                        + idleMillis
                        + " ms mid-response");
              }
            });
  }

  /** The consumer paused us for back-pressure: silence now is ours, not the backend's. */
  public void suspendIdle() {
    cancel(idleTimer);
    idleTimer = -1;
  }

  /** Reads a whole (non-streaming) body under the timers. */
  public Future<Buffer> readBody(HttpClientResponse response) {
    Promise<Buffer> body = Promise.promise();
    Buffer collected = Buffer.buffer();
    onFailure(body::tryFail);
    firstByteReceived();
    response.handler(
        chunk -> {
          touch();
          collected.appendBuffer(chunk);
        });
    response.exceptionHandler(this::transportFailed);
    response.endHandler(
        v -> {
          if (!done) {
            finish();
            body.tryComplete(collected);
          }
        });
    response.resume();
    return body.future();
  }

  /** The exchange ended normally: cancel all timers. */
  public void finish() {
    done = true;
    cancelTimers();
  }

  public boolean isDone() {
    return done;
  }

  /** Ends the exchange with a failure of the given kind (e.g. garbage found by a reader). */
  public void fail(Kind kind, String message) {
    fail(new UpstreamFailure(kind, spec.name(), message, true, null, null, null));
  }

  public void fail(UpstreamFailure failure) {
    if (done) {
      return;
    }
    done = true;
    cancelTimers();
    if (request != null) {
      request.reset(0, failure);
    }
    if (!head.tryFail(failure)) {
      failureHandler.handle(failure);
    }
  }

  private void connectFailed(Throwable cause) {
    boolean timeout =
        cause instanceof java.util.concurrent.TimeoutException
            || cause.getClass().getSimpleName().contains("ConnectTimeout");
    fail(
        new UpstreamFailure(
            timeout ? Kind.CONNECT_TIMEOUT : Kind.CONNECT_FAILED,
            spec.name(),
            "cannot connect to backend '"
                + spec.name()
                + "'"
                + (timeout
                    ? " within " + spec.timeouts().connect().toMillis() + " ms"
                    : ": " + cause.getMessage()),
            true,
            null,
            null,
            cause));
  }

  private void transportFailed(Throwable cause) {
    if (cause instanceof UpstreamFailure failure) {
      fail(failure);
      return;
    }
    fail(
        new UpstreamFailure(
            Kind.CONNECTION_RESET,
            spec.name(),
            "connection to backend '" + spec.name() + "' broke: " + describe(cause),
            true,
            null,
            null,
            cause));
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    return message == null ? cause.getClass().getSimpleName() : message;
  }

  private void cancelTimers() {
    cancel(totalTimer);
    cancel(firstByteTimer);
    cancel(idleTimer);
    totalTimer = firstByteTimer = idleTimer = -1;
  }

  private void cancel(long timer) {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }
}
