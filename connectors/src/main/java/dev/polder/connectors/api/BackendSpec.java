package dev.polder.connectors.api;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One backend as the runtime configured it. Field names in error messages are relative to {@code
 * backends.<name>} of the gateway configuration.
 *
 * @param name unique backend name, used in metrics, logs and {@code x-polder-backend}
 * @param provider protocol dialect: see {@link dev.polder.connectors.ConnectorFactory#providers()}
 * @param baseUrl scheme, host, port and optional path prefix, e.g. {@code http://vllm:8000}; the
 *     connector appends {@code /v1/...} or {@code /v2/...}. Ignored by the {@code echo} provider.
 * @param location internal or external (egress)
 * @param apiKey sent as {@code Authorization: Bearer}; never logged, never in {@link #toString()}
 * @param upstreamModel model name the backend knows; replaces the request's {@code model} when set
 * @param options provider-specific settings, e.g. {@code kserve.input-name}; see the README
 */
public record BackendSpec(
    String name,
    String provider,
    URI baseUrl,
    Location location,
    Optional<String> apiKey,
    Optional<String> upstreamModel,
    Timeouts timeouts,
    RetryPolicy retry,
    CircuitBreakerSettings circuitBreaker,
    Map<String, String> options) {

  public BackendSpec {
    options = options == null ? Map.of() : Map.copyOf(options);
    name = Validation.required(name, "name");
    provider = Validation.required(provider, "provider").toLowerCase(Locale.ROOT);
    Objects.requireNonNull(location, "location is required (internal|external)");
    apiKey = apiKey == null ? Optional.empty() : apiKey.filter(k -> !k.isBlank());
    upstreamModel =
        upstreamModel == null ? Optional.empty() : upstreamModel.filter(m -> !m.isBlank());
    timeouts = timeouts == null ? Timeouts.DEFAULTS : timeouts;
    retry = retry == null ? RetryPolicy.DEFAULTS : retry;
    circuitBreaker = circuitBreaker == null ? CircuitBreakerSettings.DEFAULTS : circuitBreaker;
    if (!"echo".equals(provider)) {
      if (baseUrl == null) {
        throw new IllegalArgumentException("url is required for provider '" + provider + "'");
      }
      String scheme = baseUrl.getScheme();
      if (scheme == null
          || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
        throw new IllegalArgumentException(
            "url must be http:// or https://, was '" + baseUrl + "'");
      }
      if (baseUrl.getHost() == null) {
        throw new IllegalArgumentException("url has no host: '" + baseUrl + "'");
      }
      if (baseUrl.getQuery() != null || baseUrl.getFragment() != null) {
        throw new IllegalArgumentException(
            "url must not carry a query or fragment: '" + baseUrl + "'");
      }
    }
  }

  public static Builder builder(String name, String provider, String baseUrl) {
    return new Builder(name, provider, baseUrl);
  }

  /** Base URL without a trailing slash, ready for appending {@code /v1/...}. */
  public String baseUrlWithoutSlash() {
    String url = baseUrl.toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** A provider option, or the default when not set. */
  public String option(String key, String defaultValue) {
    return options.getOrDefault(key, defaultValue);
  }

  public boolean isExternal() {
    return location == Location.EXTERNAL;
  }

  @Override
  public String toString() {
    return "BackendSpec[name="
        + name
        + ", provider="
        + provider
        + ", baseUrl="
        + baseUrl
        + ", location="
        + location
        + ", apiKey="
        + (apiKey.isPresent() ? "***" : "none")
        + ", upstreamModel="
        + upstreamModel.orElse("-")
        + ", timeouts="
        + timeouts
        + ", retry="
        + retry
        + ", circuitBreaker="
        + circuitBreaker
        + ", options="
        + options
        + "]";
  }

  /** Convenience for tests and configuration mapping; defaults for everything not set. */
  public static final class Builder {
    private final String name;
    private final String provider;
    private final String baseUrl;
    private Location location = Location.INTERNAL;
    private String apiKey;
    private String upstreamModel;
    private Timeouts timeouts = Timeouts.DEFAULTS;
    private RetryPolicy retry = RetryPolicy.DEFAULTS;
    private CircuitBreakerSettings circuitBreaker = CircuitBreakerSettings.DEFAULTS;
    private final Map<String, String> options = new java.util.LinkedHashMap<>();

    private Builder(String name, String provider, String baseUrl) {
      this.name = name;
      this.provider = provider;
      this.baseUrl = baseUrl;
    }

    public Builder location(Location value) {
      this.location = value;
      return this;
    }

    public Builder apiKey(String value) {
      this.apiKey = value;
      return this;
    }

    public Builder upstreamModel(String value) {
      this.upstreamModel = value;
      return this;
    }

    public Builder timeouts(Timeouts value) {
      this.timeouts = value;
      return this;
    }

    public Builder retry(RetryPolicy value) {
      this.retry = value;
      return this;
    }

    public Builder circuitBreaker(CircuitBreakerSettings value) {
      this.circuitBreaker = value;
      return this;
    }

    public Builder option(String key, String value) {
      this.options.put(key, value);
      return this;
    }

    public BackendSpec build() {
      URI uri;
      try {
        uri = baseUrl == null ? null : URI.create(baseUrl.trim());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("url is not a valid URI: '" + baseUrl + "'", e);
      }
      return new BackendSpec(
          name,
          provider,
          uri,
          location,
          Optional.ofNullable(apiKey),
          Optional.ofNullable(upstreamModel),
          timeouts,
          retry,
          circuitBreaker,
          options);
    }
  }
}
