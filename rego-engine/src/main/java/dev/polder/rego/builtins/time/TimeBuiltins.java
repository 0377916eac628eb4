package dev.polder.rego.builtins.time;

import static dev.polder.rego.builtins.operands.Operands.string;
import static dev.polder.rego.types.Types.A;
import static dev.polder.rego.types.Types.N;
import static dev.polder.rego.types.Types.S;
import static dev.polder.rego.types.Types.anyOf;
import static dev.polder.rego.types.Types.arrayOf;
import static dev.polder.rego.types.Types.fn;

import dev.polder.rego.builtins.Builtin;
import dev.polder.rego.builtins.BuiltinContext;
import dev.polder.rego.builtins.BuiltinException;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.builtins.operands.Operands;
import dev.polder.rego.types.Type;
import dev.polder.rego.value.ArrayValue;
import dev.polder.rego.value.NumberValue;
import dev.polder.rego.value.StringValue;
import dev.polder.rego.value.Value;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/** time.* built-ins with Go's time semantics (int64 nanoseconds, Go layouts, IANA zones). */
public final class TimeBuiltins {

  private TimeBuiltins() {}

  /** A number of nanoseconds, or [ns, zone] / [ns, zone, layout]. */
  private static final Type TIME = anyOf(N, arrayOf(A));

  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);

  public static void register(BuiltinRegistry r) {
    r.register(
        Builtin.nondeterministic("time.now_ns", fn(N), (c, a) -> NumberValue.of(c.timeNowNs())));
    r.register(
        Builtin.of(
            "time.parse_ns",
            fn(N, S, S),
            (c, a) -> NumberValue.of(nanos(parse(string(a, 1), string(a, 2))))));
    r.register(
        Builtin.of(
            "time.parse_rfc3339_ns",
            fn(N, S),
            (c, a) -> NumberValue.of(nanos(parse("RFC3339", string(a, 1))))));
    r.register(
        Builtin.of(
            "time.parse_duration_ns",
            fn(N, S),
            (c, a) -> {
              try {
                return NumberValue.of(GoTimes.parseDuration(string(a, 1)));
              } catch (IllegalArgumentException e) {
                throw BuiltinException.error(e.getMessage());
              }
            }));
    r.register(
        Builtin.of(
            "time.date",
            fn(arrayOf(N), TIME),
            (c, a) -> {
              ZonedDateTime t = zoned(a.get(0)).time;
              return numbers(t.getYear(), t.getMonthValue(), t.getDayOfMonth());
            }));
    r.register(
        Builtin.of(
            "time.clock",
            fn(arrayOf(N), TIME),
            (c, a) -> {
              ZonedDateTime t = zoned(a.get(0)).time;
              return numbers(t.getHour(), t.getMinute(), t.getSecond());
            }));
    r.register(
        Builtin.of(
            "time.weekday",
            fn(S, TIME),
            (c, a) ->
                StringValue.of(
                    zoned(a.get(0))
                        .time
                        .getDayOfWeek()
                        .getDisplayName(TextStyle.FULL, Locale.ENGLISH))));
    r.register(Builtin.of("time.add_date", fn(N, N, N, N, N), TimeBuiltins::addDate));
    r.register(
        Builtin.of(
            "time.diff",
            fn(arrayOf(N), TIME, TIME),
            (c, a) -> {
              int[] d = GoTimes.diff(zoned(a.get(0)).time, zoned(a.get(1)).time);
              return numbers(d);
            }));
    r.register(
        Builtin.of(
            "time.format",
            fn(S, TIME),
            (c, a) -> {
              Zoned z = zoned(a.get(0));
              String layout = z.layout == null ? GoLayout.RFC3339_NANO : z.layout;
              return StringValue.of(GoTimeFormatter.format(z.time, layout));
            }));
  }

  private static ZonedDateTime parse(String layout, String value) throws BuiltinException {
    try {
      return GoTimeParser.parse(layout, value);
    } catch (GoTimeParser.ParseException e) {
      throw BuiltinException.error(e.getMessage());
    }
  }

  private static long nanos(ZonedDateTime t) throws BuiltinException {
    try {
      return GoTimes.toUnixNanos(t);
    } catch (GoTimes.RangeException e) {
      throw BuiltinException.error(e.getMessage());
    }
  }

  private static ArrayValue numbers(int... values) {
    Value[] out = new Value[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = NumberValue.of(values[i]);
    }
    return ArrayValue.wrap(out);
  }

  private record Zoned(ZonedDateTime time, String layout) {}

  /** Reads a time operand: ns, [ns, zone] or [ns, zone, layout]. */
  private static Zoned zoned(Value v) throws BuiltinException {
    Value ns = v;
    ZoneId zone = ZoneOffset.UTC;
    String layout = null;
    if (v instanceof ArrayValue arr) {
      if (arr.size() < 2 || arr.size() > 3) {
        throw BuiltinException.error(
            "array must have 2 or 3 elements (nanoseconds, zone[, layout])");
      }
      ns = arr.get(0);
      if (!(arr.get(1) instanceof StringValue z)) {
        throw BuiltinException.typeError(
            "timezone must be a string but got " + arr.get(1).typeName());
      }
      try {
        zone = GoTimes.location(z.value());
      } catch (IllegalArgumentException e) {
        throw BuiltinException.error(e.getMessage());
      }
      if (arr.size() == 3) {
        if (!(arr.get(2) instanceof StringValue l)) {
          throw BuiltinException.typeError(
              "layout must be a string but got " + arr.get(2).typeName());
        }
        layout = l.value();
      }
    }
    if (!(ns instanceof NumberValue n)) {
      throw BuiltinException.operandType(1, "number", ns);
    }
    return new Zoned(GoTimes.fromUnixNanos(int64(n), zone), layout);
  }

  private static long int64(NumberValue n) throws BuiltinException {
    if (n.isLong()) {
      return n.asLong();
    }
    BigDecimal d = n.asBigDecimal().setScale(0, RoundingMode.DOWN);
    if (d.compareTo(LONG_MAX) > 0) {
      throw BuiltinException.error("timestamp too big");
    }
    if (d.compareTo(LONG_MIN) < 0) {
      throw BuiltinException.error("timestamp too small");
    }
    return d.longValueExact();
  }

  private static Value addDate(BuiltinContext c, List<Value> a) throws BuiltinException {
    long ns = int64(Operands.number(a, 1));
    long years = Operands.integer(a, 2).asLong();
    long months = Operands.integer(a, 3).asLong();
    long days = Operands.integer(a, 4).asLong();
    try {
      ZonedDateTime t = GoTimes.fromUnixNanos(ns, ZoneOffset.UTC);
      return NumberValue.of(nanos(GoTimes.addDate(t, years, months, days)));
    } catch (DateTimeException | ArithmeticException e) {
      throw BuiltinException.error(GoTimes.OUT_OF_RANGE);
    }
  }
}
