package dev.polder.connectors.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BackendSpecTest {

  static Stream<Arguments> invalidSpecs() {
    Duration s = Duration.ofSeconds(1);
    return Stream.of(
        Arguments.of(
            "url is required",
            (Supplier<Object>) () -> BackendSpec.builder("b", "vllm", null).build()),
        Arguments.of(
            "url must be http:// or https://",
            (Supplier<Object>) () -> BackendSpec.builder("b", "vllm", "ftp://x").build()),
        Arguments.of(
            "url has no host",
            (Supplier<Object>) () -> BackendSpec.builder("b", "vllm", "http:///v1").build()),
        Arguments.of(
            "url must not carry a query",
            (Supplier<Object>) () -> BackendSpec.builder("b", "vllm", "http://h/?a=1").build()),
        Arguments.of(
            "url is not a valid URI",
            (Supplier<Object>) () -> BackendSpec.builder("b", "vllm", "http://h h").build()),
        Arguments.of(
            "name is required",
            (Supplier<Object>) () -> BackendSpec.builder(" ", "vllm", "http://h").build()),
        Arguments.of(
            "provider is required",
            (Supplier<Object>) () -> BackendSpec.builder("b", null, "http://h").build()),
        Arguments.of(
            "timeouts.connect must be > 0",
            (Supplier<Object>) () -> new Timeouts(Duration.ZERO, s, s, s)),
        Arguments.of(
            "timeouts.first-byte (PT2S) must not exceed timeouts.total",
            (Supplier<Object>) () -> new Timeouts(s, s.multipliedBy(2), s, s)),
        Arguments.of(
            "retry.max-attempts must be >= 1",
            (Supplier<Object>) () -> new RetryPolicy(0, s, s, 2, 0)),
        Arguments.of(
            "retry.jitter must be within 0..1",
            (Supplier<Object>) () -> new RetryPolicy(1, s, s, 2, 1.5)),
        Arguments.of(
            "retry.max-backoff",
            (Supplier<Object>) () -> new RetryPolicy(1, s.multipliedBy(2), s, 2, 0)),
        Arguments.of(
            "circuit-breaker.failure-ratio",
            (Supplier<Object>) () -> new CircuitBreakerSettings(1, 0, 10, 1, s)),
        Arguments.of(
            "circuit-breaker.minimum-calls must be within 1..10",
            (Supplier<Object>) () -> new CircuitBreakerSettings(1, 0.5, 10, 11, s)),
        Arguments.of(
            "location must be internal or external",
            (Supplier<Object>) () -> Location.parse("outside", "location")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidSpecs")
  void invalidValuesAreRefusedWithAMessageNamingTheField(
      String expectedStart, Supplier<Object> build) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, build::get);
    assertTrue(error.getMessage().startsWith(expectedStart), error.getMessage());
  }

  @Test
  void apiKeyNeverAppearsInToString() {
    BackendSpec spec =
        BackendSpec.builder("ext", "openai", "https://api.example.com")
            .apiKey("sk-very-secret")
            .location(Location.EXTERNAL)
            .build();
    assertFalse(spec.toString().contains("sk-very-secret"));
    assertTrue(spec.isExternal());
    assertEquals("sk-very-secret", spec.apiKey().orElseThrow());
  }

  @Test
  void echoNeedsNoUrlAndProviderIsCaseInsensitive() {
    BackendSpec spec = BackendSpec.builder("e", "ECHO", null).build();
    assertEquals("echo", spec.provider());
    assertEquals(Timeouts.DEFAULTS, spec.timeouts());
  }
}
