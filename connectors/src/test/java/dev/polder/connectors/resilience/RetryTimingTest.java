package dev.polder.connectors.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polder.connectors.api.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RetryTimingTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

  static Stream<Arguments> retryAfterHeaders() {
    return Stream.of(
        Arguments.of("120", Optional.of(Duration.ofSeconds(120))),
        Arguments.of(" 0 ", Optional.of(Duration.ZERO)),
        Arguments.of("Mon, 23 Nov 2026 10:00:30 GMT", Optional.of(Duration.ofSeconds(30))),
        Arguments.of("Mon, 23 Nov 2026 09:00:00 GMT", Optional.of(Duration.ZERO)),
        Arguments.of("soon", Optional.empty()),
        Arguments.of("-5", Optional.empty()),
        Arguments.of("", Optional.empty()),
        Arguments.of(null, Optional.empty()));
  }

  @ParameterizedTest(name = "Retry-After: {0}")
  @MethodSource("retryAfterHeaders")
  void parsesSecondsAndHttpDates(String header, Optional<Duration> expected) {
    assertEquals(expected, RetryAfter.parse(header, CLOCK));
  }

  static Stream<Arguments> backoffs() {
    RetryPolicy policy =
        new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(1000), 2.0, 0.5);
    return Stream.of(
        // failed attempt, random draw, Retry-After, expected wait
        Arguments.of(policy, 1, 0.5, null, 100L),
        Arguments.of(policy, 2, 0.5, null, 200L),
        Arguments.of(policy, 3, 0.0, null, 200L),
        Arguments.of(policy, 3, 1.0, null, 600L),
        Arguments.of(policy, 10, 0.5, null, 1000L),
        Arguments.of(policy, 1, 0.5, Duration.ofMillis(700), 700L),
        Arguments.of(policy, 1, 0.5, Duration.ofSeconds(60), 1000L));
  }

  @ParameterizedTest(name = "attempt {1}, draw {2}, Retry-After {3} -> {4} ms")
  @MethodSource("backoffs")
  void exponentialWithJitterCappedAndRetryAfterWins(
      RetryPolicy policy, int attempt, double draw, Duration retryAfter, long expectedMillis) {
    Duration delay =
        new Backoff(policy, () -> draw).delayAfter(attempt, Optional.ofNullable(retryAfter));
    assertEquals(expectedMillis, delay.toMillis());
  }
}
