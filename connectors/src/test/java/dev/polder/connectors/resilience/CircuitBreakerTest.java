package dev.polder.connectors.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polder.connectors.api.CircuitBreakerSettings;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CircuitBreakerTest {

  private final AtomicLong now = new AtomicLong();

  private CircuitBreaker breaker(CircuitBreakerSettings settings) {
    return new CircuitBreaker("b", settings, now::get);
  }

  /** Outcomes as a string: S = success, F = failure; the state after them. */
  static Stream<Arguments> outcomes() {
    CircuitBreakerSettings threeInARow =
        new CircuitBreakerSettings(3, 1.0, 10, 1, Duration.ofSeconds(1));
    CircuitBreakerSettings halfOfFour =
        new CircuitBreakerSettings(100, 0.5, 4, 4, Duration.ofSeconds(1));
    return Stream.of(
        Arguments.of("two failures stay closed", threeInARow, "FF", CircuitState.CLOSED),
        Arguments.of("three in a row open", threeInARow, "FFF", CircuitState.OPEN),
        Arguments.of("a success resets the run", threeInARow, "FFSFF", CircuitState.CLOSED),
        Arguments.of("ratio needs minimum calls", halfOfFour, "FFF", CircuitState.CLOSED),
        Arguments.of("ratio reached", halfOfFour, "SFSF", CircuitState.OPEN),
        Arguments.of("ratio below", halfOfFour, "SSSF", CircuitState.CLOSED),
        Arguments.of("window slides", halfOfFour, "FSSSS", CircuitState.CLOSED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("outcomes")
  void opensByConsecutiveFailuresOrRatio(
      String name, CircuitBreakerSettings settings, String outcomes, CircuitState expected) {
    CircuitBreaker breaker = breaker(settings);
    for (char outcome : outcomes.toCharArray()) {
      assertTrue(breaker.tryAcquire(), name);
      if (outcome == 'F') {
        breaker.recordFailure();
      } else {
        breaker.recordSuccess();
      }
    }
    assertEquals(expected, breaker.state(), name);
  }

  @Test
  void openRefusesUntilCoolDownThenLetsExactlyOneProbeThrough() {
    CircuitBreaker breaker =
        breaker(new CircuitBreakerSettings(1, 1.0, 10, 1, Duration.ofSeconds(5)));
    breaker.tryAcquire();
    breaker.recordFailure();
    assertFalse(breaker.tryAcquire());
    assertEquals(Duration.ofSeconds(5), breaker.snapshot().openFor());
    now.addAndGet(Duration.ofSeconds(5).toNanos());
    assertEquals(CircuitState.HALF_OPEN, breaker.state());
    assertTrue(breaker.tryAcquire(), "the probe");
    assertFalse(breaker.tryAcquire(), "only one probe at a time");
    breaker.release();
    assertTrue(breaker.tryAcquire(), "a probe that said nothing about health frees the slot");
    breaker.recordSuccess();
    assertEquals(CircuitState.CLOSED, breaker.state());
    assertTrue(breaker.tryAcquire());
  }

  @Test
  void failedProbeReopensForAnotherCoolDown() {
    CircuitBreaker breaker =
        breaker(new CircuitBreakerSettings(1, 1.0, 10, 1, Duration.ofSeconds(5)));
    breaker.tryAcquire();
    breaker.recordFailure();
    now.addAndGet(Duration.ofSeconds(6).toNanos());
    assertTrue(breaker.tryAcquire());
    breaker.recordFailure();
    assertEquals(CircuitState.OPEN, breaker.state());
    assertFalse(breaker.tryAcquire());
    assertEquals(2, breaker.snapshot().timesOpened());
  }
}
