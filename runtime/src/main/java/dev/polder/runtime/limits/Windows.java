package dev.polder.runtime.limits;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Fixed UTC windows: the minute for rates, the day and month for budgets. */
final class Windows {

  private static final long MINUTE_MS = 60_000;
  private static final long DAY_MS = 86_400_000;

  private final Clock clock;

  Windows(Clock clock) {
    this.clock = clock;
  }

  /** The current moment, read once per request so every window agrees. */
  Instant now() {
    return clock.instant();
  }

  static String minute(Instant now) {
    return "m" + now.toEpochMilli() / MINUTE_MS;
  }

  static long millisLeftInMinute(Instant now) {
    return MINUTE_MS - now.toEpochMilli() % MINUTE_MS;
  }

  static long secondsLeftInMinute(Instant now) {
    return Math.max(1, (millisLeftInMinute(now) + 999) / 1000);
  }

  static String day(Instant now) {
    return "d" + LocalDate.ofInstant(now, ZoneOffset.UTC);
  }

  static long secondsLeftInDay(Instant now) {
    long ms = DAY_MS - now.toEpochMilli() % DAY_MS;
    return Math.max(1, (ms + 999) / 1000);
  }

  static String month(Instant now) {
    LocalDate date = LocalDate.ofInstant(now, ZoneOffset.UTC);
    return "M" + date.getYear() + "-" + date.getMonthValue();
  }

  static long secondsLeftInMonth(Instant now) {
    ZonedDateTime start =
        LocalDate.ofInstant(now, ZoneOffset.UTC)
            .withDayOfMonth(1)
            .plusMonths(1)
            .atStartOfDay(ZoneOffset.UTC);
    long ms = start.toInstant().toEpochMilli() - now.toEpochMilli();
    return Math.max(1, (ms + 999) / 1000);
  }

  /** Kept a window past its end, so a late reconciliation still finds its counter. */
  static final long MINUTE_LIFESPAN_MS = 3 * MINUTE_MS;

  static final long DAY_LIFESPAN_MS = 2 * DAY_MS;
  static final long MONTH_LIFESPAN_MS = 32 * DAY_MS;
}
