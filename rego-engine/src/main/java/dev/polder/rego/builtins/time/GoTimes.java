package dev.polder.rego.builtins.time;

import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * Go {@code time} semantics that OPA's time built-ins rely on: Unix nanoseconds in int64, zone
 * names, {@code AddDate} normalisation, {@code ParseDuration} and OPA's calendar difference.
 */
public final class GoTimes {

  /** The message OPA uses when a time does not fit int64 nanoseconds. */
  public static final String OUT_OF_RANGE = "time outside of valid range";

  private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);
  private static final BigInteger MIN_NANOS = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger MAX_NANOS = BigInteger.valueOf(Long.MAX_VALUE);

  private GoTimes() {}

  /** A time not representable as int64 Unix nanoseconds. */
  public static final class RangeException extends Exception {
    public RangeException() {
      super(OUT_OF_RANGE);
    }
  }

  public static long toUnixNanos(ZonedDateTime t) throws RangeException {
    BigInteger ns =
        BigInteger.valueOf(t.toEpochSecond())
            .multiply(NANOS_PER_SECOND)
            .add(BigInteger.valueOf(t.getNano()));
    if (ns.compareTo(MIN_NANOS) < 0 || ns.compareTo(MAX_NANOS) > 0) {
      throw new RangeException();
    }
    return ns.longValue();
  }

  public static ZonedDateTime fromUnixNanos(long nanos, ZoneId zone) {
    long seconds = Math.floorDiv(nanos, 1_000_000_000L);
    long nano = Math.floorMod(nanos, 1_000_000_000L);
    return Instant.ofEpochSecond(seconds, nano).atZone(zone);
  }

  /**
   * Resolves a zone name as Go's {@code LoadLocation} does: "" and "UTC" are UTC, "Local" is the
   * local zone (UTC in the gateway), anything else an IANA name.
   *
   * @throws IllegalArgumentException with Go's message for an unknown zone
   */
  public static ZoneId location(String name) {
    if (name.isEmpty() || name.equals("UTC") || name.equals("Local")) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(name);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("unknown time zone " + name);
    }
  }

  /**
   * Adds years, months and days as Go's {@code Time.AddDate} does: the date is normalised after the
   * addition (October 31 plus one month is December 1), the clock and zone stay.
   */
  public static ZonedDateTime addDate(ZonedDateTime t, long years, long months, long days) {
    long totalMonths = (t.getYear() + years) * 12L + (t.getMonthValue() - 1) + months;
    int year = Math.toIntExact(Math.floorDiv(totalMonths, 12L));
    int month = (int) Math.floorMod(totalMonths, 12L) + 1;
    LocalDate date = LocalDate.of(year, month, 1).plusDays(t.getDayOfMonth() - 1L + days);
    return ZonedDateTime.ofLocal(date.atTime(t.toLocalTime()), t.getZone(), t.getOffset());
  }

  /**
   * OPA's {@code time.diff}: the calendar difference between two times as [years, months, days,
   * hours, minutes, seconds], always non-negative, computed in the zone of {@code a}.
   */
  public static int[] diff(ZonedDateTime a, ZonedDateTime b) {
    b = b.withZoneSameInstant(a.getZone());
    if (a.isAfter(b)) {
      ZonedDateTime swap = a;
      a = b;
      b = swap;
    }
    int year = b.getYear() - a.getYear();
    int month = b.getMonthValue() - a.getMonthValue();
    int day = b.getDayOfMonth() - a.getDayOfMonth();
    int hour = b.getHour() - a.getHour();
    int min = b.getMinute() - a.getMinute();
    int sec = b.getSecond() - a.getSecond();
    if (sec < 0) {
      sec += 60;
      min--;
    }
    if (min < 0) {
      min += 60;
      hour--;
    }
    if (hour < 0) {
      hour += 24;
      day--;
    }
    if (day < 0) {
      day += LocalDate.of(a.getYear(), a.getMonthValue(), 1).lengthOfMonth();
      month--;
    }
    if (month < 0) {
      month += 12;
      year--;
    }
    return new int[] {year, month, day, hour, min, sec};
  }

  private static final Map<String, Long> DURATION_UNITS =
      Map.of(
          "ns", 1L,
          "us", 1_000L,
          "µs", 1_000L,
          "μs", 1_000L,
          "ms", 1_000_000L,
          "s", 1_000_000_000L,
          "m", 60_000_000_000L,
          "h", 3_600_000_000_000L);

  /**
   * Parses a Go duration ("1h30m", "-1.5s", "100ms") to nanoseconds.
   *
   * @throws IllegalArgumentException with Go's message ({@code time: invalid duration "x"}, ...)
   */
  public static long parseDuration(String s) {
    String orig = s;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return 0;
    }
    if (s.isEmpty()) {
      throw invalidDuration(orig);
    }
    BigInteger total = BigInteger.ZERO;
    java.math.BigDecimal totalFrac = java.math.BigDecimal.ZERO;
    while (!s.isEmpty()) {
      int i = 0;
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        i++;
      }
      String whole = s.substring(0, i);
      String frac = "";
      if (i < s.length() && s.charAt(i) == '.') {
        int j = i + 1;
        while (j < s.length() && Character.isDigit(s.charAt(j))) {
          j++;
        }
        frac = s.substring(i + 1, j);
        i = j;
      }
      if (whole.isEmpty() && frac.isEmpty()) {
        throw invalidDuration(orig);
      }
      int u = i;
      while (u < s.length() && s.charAt(u) != '.' && !Character.isDigit(s.charAt(u))) {
        u++;
      }
      if (u == i) {
        throw new IllegalArgumentException("time: missing unit in duration " + quote(orig));
      }
      String unit = s.substring(i, u);
      Long scale = DURATION_UNITS.get(unit);
      if (scale == null) {
        throw new IllegalArgumentException(
            "time: unknown unit " + quote(unit) + " in duration " + quote(orig));
      }
      java.math.BigDecimal amount =
          new java.math.BigDecimal(
              (whole.isEmpty() ? "0" : whole) + (frac.isEmpty() ? "" : "." + frac));
      java.math.BigDecimal nanos = amount.multiply(java.math.BigDecimal.valueOf(scale));
      total = total.add(nanos.toBigInteger());
      totalFrac = totalFrac.add(nanos.subtract(new java.math.BigDecimal(nanos.toBigInteger())));
      s = s.substring(u);
    }
    total = total.add(totalFrac.toBigInteger());
    if (negative) {
      total = total.negate();
    }
    if (total.compareTo(MIN_NANOS) < 0 || total.compareTo(MAX_NANOS) > 0) {
      throw invalidDuration(orig);
    }
    return total.longValue();
  }

  private static IllegalArgumentException invalidDuration(String s) {
    return new IllegalArgumentException("time: invalid duration " + quote(s));
  }

  private static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
