package dev.polder.connectors.transport;

import dev.polder.connectors.api.BackendSpec;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** HTTP plumbing shared by the HTTP-based clients. */
public final class Http {
  private Http() {}

  /** Headers a caller must not set: the connector owns them. */
  private static final Set<String> RESERVED =
      Set.of(
          "authorization",
          "host",
          "content-length",
          "content-type",
          "accept",
          "transfer-encoding",
          "connection");

  public static HttpClient client(Vertx vertx, BackendSpec spec) {
    HttpClientOptions options =
        new HttpClientOptions()
            .setKeepAlive(true)
            .setMaxPoolSize(maxConnections(spec))
            .setConnectTimeout(
                (int) Math.min(Integer.MAX_VALUE, spec.timeouts().connect().toMillis()))
            .setTryUseCompression(false)
            .setVerifyHost(true);
    return vertx.createHttpClient(options);
  }

  /** Option {@code http.max-connections}: connections per backend (one per open stream). */
  static int maxConnections(BackendSpec spec) {
    String value = spec.option("http.max-connections", "256");
    try {
      int max = Integer.parseInt(value.trim());
      if (max >= 1) {
        return max;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "options.http.max-connections must be a positive integer, was '" + value + "'");
  }

  /** JSON request headers, the backend's Bearer key and the caller's extra headers. */
  public static MultiMap headers(BackendSpec spec, Map<String, String> extra, boolean stream) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    extra.forEach(
        (name, value) -> {
          if (!RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            headers.add(name, value);
          }
        });
    headers.set("content-type", "application/json");
    headers.set("accept", stream ? "text/event-stream" : "application/json");
    spec.apiKey().ifPresent(key -> headers.set("authorization", "Bearer " + key));
    return headers;
  }
}
