package dev.polder.connectors.api;

import java.time.Duration;

/**
 * Time limits for one upstream attempt.
 *
 * @param connect establishing the TCP (and TLS) connection
 * @param firstByte from sending the request to the response head and, when streaming, the first
 *     event (time to first token)
 * @param idle longest silence between two stream events after the first one
 * @param total whole exchange, first byte of the request to the last byte of the response
 */
public record Timeouts(Duration connect, Duration firstByte, Duration idle, Duration total) {

  public static final Timeouts DEFAULTS =
      new Timeouts(
          Duration.ofSeconds(5),
          Duration.ofSeconds(60),
          Duration.ofSeconds(60),
          Duration.ofMinutes(10));

  public Timeouts {
    Validation.positive(connect, "timeouts.connect");
    Validation.positive(firstByte, "timeouts.first-byte");
    Validation.positive(idle, "timeouts.idle");
    Validation.positive(total, "timeouts.total");
    if (firstByte.compareTo(total) > 0) {
      throw new IllegalArgumentException(
          "timeouts.first-byte (" + firstByte + ") must not exceed timeouts.total (" + total + ")");
    }
  }
}
