package dev.polder.rego.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * An arbitrary-precision Rego number. Integers that fit a {@code long} are kept as a long (the
 * common, fast case); everything else as a normalised {@link BigDecimal}, so that numerically equal
 * numbers are {@code equals} and hash alike ({@code 1.0 == 1}), as in OPA.
 */
public final class NumberValue extends Value {
  private static final NumberValue[] SMALL = new NumberValue[1024 + 128];

  static {
    for (int i = 0; i < SMALL.length; i++) {
      SMALL[i] = new NumberValue(i - 128, null);
    }
  }

  /** Precision used for non-exact results (division, float conversions): beyond float64. */
  public static final MathContext DIVISION_CONTEXT = new MathContext(34, RoundingMode.HALF_EVEN);

  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  public static final NumberValue ZERO = of(0);
  public static final NumberValue ONE = of(1);

  private final long small;
  private final BigDecimal big; // null when the value is the long 'small'

  private NumberValue(long small, BigDecimal big) {
    this.small = small;
    this.big = big;
  }

  public static NumberValue of(long n) {
    if (n >= -128 && n < SMALL.length - 128) {
      return SMALL[(int) n + 128];
    }
    return new NumberValue(n, null);
  }

  public static NumberValue of(BigInteger n) {
    if (n.bitLength() < 64) {
      return of(n.longValue());
    }
    return new NumberValue(0, new BigDecimal(n));
  }

  public static NumberValue of(BigDecimal d) {
    if (d.signum() == 0) {
      return ZERO;
    }
    BigDecimal s = d.stripTrailingZeros();
    if (s.scale() <= 0 && s.compareTo(LONG_MIN) >= 0 && s.compareTo(LONG_MAX) <= 0) {
      return of(s.longValueExact());
    }
    return new NumberValue(0, s);
  }

  /**
   * A double as a number; NaN and infinities are not numbers in Rego.
   *
   * @throws ArithmeticException for NaN or infinity
   */
  public static NumberValue of(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new ArithmeticException("not a finite number: " + d);
    }
    if (d == Math.rint(d) && Math.abs(d) < 9.0e15) {
      return of((long) d);
    }
    return of(new BigDecimal(Double.toString(d)));
  }

  /**
   * Parses a number literal as written in Rego or JSON (e.g. {@code -1}, {@code 1.5e3}).
   *
   * @throws NumberFormatException if the text is not a number
   */
  public static NumberValue parse(String text) {
    int len = text.length();
    if (len > 0 && len < 19) {
      boolean digits = true;
      for (int i = text.charAt(0) == '-' ? 1 : 0; i < len; i++) {
        char c = text.charAt(i);
        if (c < '0' || c > '9') {
          digits = false;
          break;
        }
      }
      if (digits && !(len == 1 && text.charAt(0) == '-')) {
        return of(Long.parseLong(text));
      }
    }
    return of(new BigDecimal(text));
  }

  @Override
  public Kind kind() {
    return Kind.NUMBER;
  }

  @Override
  public boolean isNumber() {
    return true;
  }

  /** True if the number has no fractional part. */
  public boolean isInteger() {
    return big == null || big.scale() <= 0;
  }

  /** True if this is an integer that fits a Java long. */
  public boolean isLong() {
    return big == null;
  }

  /** True if this is an integer that fits a Java int. */
  public boolean isInt() {
    return big == null && small >= Integer.MIN_VALUE && small <= Integer.MAX_VALUE;
  }

  /**
   * The value as an int.
   *
   * @throws ArithmeticException if it is not an integer within int range
   */
  public int asInt() {
    if (!isInt()) {
      throw new ArithmeticException("not an int: " + this);
    }
    return (int) small;
  }

  /**
   * The value as a long.
   *
   * @throws ArithmeticException if it is not an integer within long range
   */
  public long asLong() {
    if (big != null) {
      throw new ArithmeticException("not a long: " + this);
    }
    return small;
  }

  public BigDecimal asBigDecimal() {
    return big == null ? BigDecimal.valueOf(small) : big;
  }

  /**
   * The value as a BigInteger.
   *
   * @throws ArithmeticException if it has a fractional part
   */
  public BigInteger asBigInteger() {
    return big == null ? BigInteger.valueOf(small) : big.toBigIntegerExact();
  }

  public double asDouble() {
    return big == null ? (double) small : big.doubleValue();
  }

  public int signum() {
    return big == null ? Long.signum(small) : big.signum();
  }

  // Arithmetic as OPA does it: exact for + - *, high precision for division.

  public NumberValue plus(NumberValue o) {
    if (big == null && o.big == null) {
      long r = small + o.small;
      if (((small ^ r) & (o.small ^ r)) >= 0) {
        return of(r);
      }
    }
    return of(asBigDecimal().add(o.asBigDecimal()));
  }

  public NumberValue minus(NumberValue o) {
    if (big == null && o.big == null) {
      long r = small - o.small;
      if (((small ^ o.small) & (small ^ r)) >= 0) {
        return of(r);
      }
    }
    return of(asBigDecimal().subtract(o.asBigDecimal()));
  }

  public NumberValue times(NumberValue o) {
    if (big == null && o.big == null) {
      long hi = Math.multiplyHigh(small, o.small);
      long lo = small * o.small;
      if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
        return of(lo);
      }
    }
    return of(asBigDecimal().multiply(o.asBigDecimal()));
  }

  /**
   * Division; the caller checks for a zero divisor.
   *
   * @throws ArithmeticException on division by zero
   */
  public NumberValue dividedBy(NumberValue o) {
    if (big == null && o.big == null && o.small != 0 && small % o.small == 0) {
      if (!(small == Long.MIN_VALUE && o.small == -1)) {
        return of(small / o.small);
      }
    }
    return of(asBigDecimal().divide(o.asBigDecimal(), DIVISION_CONTEXT));
  }

  public NumberValue negate() {
    return big == null && small != Long.MIN_VALUE ? of(-small) : of(asBigDecimal().negate());
  }

  public NumberValue abs() {
    return signum() < 0 ? negate() : this;
  }

  @Override
  int compareSameKind(Value other) {
    NumberValue o = (NumberValue) other;
    if (big == null && o.big == null) {
      return Long.compare(small, o.small);
    }
    return asBigDecimal().compareTo(o.asBigDecimal());
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof NumberValue n)) {
      return false;
    }
    if (big == null && n.big == null) {
      return small == n.small;
    }
    return big != null && n.big != null && big.equals(n.big); // both normalised
  }

  @Override
  public int hashCode() {
    return big == null ? Long.hashCode(small) : big.hashCode();
  }

  /** OPA's text form: integers in full, decimals without exponent when reasonably small. */
  public String format() {
    if (big == null) {
      return Long.toString(small);
    }
    if (big.scale() <= 0 || (big.scale() < 30 && big.precision() - big.scale() > -30)) {
      return big.toPlainString();
    }
    // Go's %g style for very small or large magnitudes, e.g. 1e-40.
    String s = big.toString().replace("E", "e");
    return s;
  }
}
