package dev.polder.rego.builtins.units;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;

/** OPA's units.parse and units.parse_bytes, exact in decimal. */
public final class Units {

  private Units() {}

  private static final BigDecimal KI = BigDecimal.valueOf(1024);

  private static BigDecimal binary(int power) {
    return KI.pow(power);
  }

  private static BigDecimal decimal(int power) {
    return BigDecimal.TEN.pow(3 * power);
  }

  private static final Map<String, BigDecimal> SI =
      Map.ofEntries(
          Map.entry("", BigDecimal.ONE),
          Map.entry("m", new BigDecimal("0.001")),
          Map.entry("k", decimal(1)),
          Map.entry("ki", binary(1)),
          Map.entry("M", decimal(2)),
          Map.entry("Mi", binary(2)),
          Map.entry("mi", binary(2)),
          Map.entry("g", decimal(3)),
          Map.entry("gi", binary(3)),
          Map.entry("t", decimal(4)),
          Map.entry("ti", binary(4)),
          Map.entry("p", decimal(5)),
          Map.entry("pi", binary(5)),
          Map.entry("e", decimal(6)),
          Map.entry("ei", binary(6)));

  private static final Map<String, BigDecimal> BYTES =
      Map.ofEntries(
          Map.entry("", BigDecimal.ONE),
          Map.entry("k", decimal(1)),
          Map.entry("kb", decimal(1)),
          Map.entry("ki", binary(1)),
          Map.entry("kib", binary(1)),
          Map.entry("m", decimal(2)),
          Map.entry("mb", decimal(2)),
          Map.entry("mi", binary(2)),
          Map.entry("mib", binary(2)),
          Map.entry("g", decimal(3)),
          Map.entry("gb", decimal(3)),
          Map.entry("gi", binary(3)),
          Map.entry("gib", binary(3)),
          Map.entry("t", decimal(4)),
          Map.entry("tb", decimal(4)),
          Map.entry("ti", binary(4)),
          Map.entry("tib", binary(4)),
          Map.entry("p", decimal(5)),
          Map.entry("pb", decimal(5)),
          Map.entry("pi", binary(5)),
          Map.entry("pib", binary(5)),
          Map.entry("e", decimal(6)),
          Map.entry("eb", decimal(6)),
          Map.entry("ei", binary(6)),
          Map.entry("eib", binary(6)));

  /**
   * units.parse: "10Ki" → 10240, "500m" → 0.5.
   *
   * @throws IllegalArgumentException with OPA's message (without the built-in name)
   */
  public static BigDecimal parse(String raw) {
    String s = clean(raw);
    String[] parts = split(s);
    if (parts[0].isEmpty()) {
      throw new IllegalArgumentException("no amount provided");
    }
    BigDecimal amount = number(parts[0], "could not parse amount to a number");
    String suffix = parts[1];
    // 'm' (milli) and 'M' (mega) differ; otherwise case does not matter.
    String key;
    if (suffix.equals("m")) {
      key = "m";
    } else if (suffix.startsWith("M")) {
      key = "M" + suffix.substring(1).toLowerCase(Locale.ROOT);
    } else {
      key = suffix.toLowerCase(Locale.ROOT);
    }
    BigDecimal unit = SI.get(key);
    if (unit == null) {
      throw new IllegalArgumentException("unknown unit suffix: " + suffix);
    }
    return amount.multiply(unit);
  }

  /**
   * units.parse_bytes: "10KiB" → 10240, fractions truncated.
   *
   * @throws IllegalArgumentException with OPA's message (without the built-in name)
   */
  public static BigDecimal parseBytes(String raw) {
    String s = clean(raw).toLowerCase(Locale.ROOT);
    String[] parts = split(s);
    if (parts[0].isEmpty()) {
      throw new IllegalArgumentException("no byte amount provided");
    }
    BigDecimal amount = number(parts[0], "could not parse byte amount to a number");
    BigDecimal unit = BYTES.get(parts[1]);
    if (unit == null) {
      throw new IllegalArgumentException("byte unit " + parts[1] + " not recognized");
    }
    return amount.multiply(unit).setScale(0, RoundingMode.DOWN);
  }

  private static String clean(String raw) {
    String s = raw.replace("\"", "");
    if (s.contains(" ")) {
      throw new IllegalArgumentException("spaces not allowed in resource strings");
    }
    return s;
  }

  private static BigDecimal number(String text, String error) {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(error);
    }
  }

  /** Splits "1.5e3Ki" into amount "1.5e3" and unit "Ki", as OPA's extractNumAndUnit does. */
  static String[] split(String s) {
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      boolean numeric = Character.isDigit(c) || c == '.' || c == '+' || c == '-';
      if (c == 'e' || c == 'E') {
        boolean exponent =
            i + 1 < s.length()
                && (Character.isDigit(s.charAt(i + 1))
                    || s.charAt(i + 1) == '+'
                    || s.charAt(i + 1) == '-');
        if (!exponent) {
          break;
        }
        if (s.charAt(i + 1) == '+' || s.charAt(i + 1) == '-') {
          i++;
        }
      } else if (!numeric) {
        break;
      }
      i++;
    }
    return new String[] {s.substring(0, i), s.substring(i)};
  }
}
