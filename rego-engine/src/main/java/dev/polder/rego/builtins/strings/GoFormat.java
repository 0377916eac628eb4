package dev.polder.rego.builtins.strings;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

/**
 * Go's {@code fmt.Sprintf} for the argument kinds OPA's {@code sprintf} passes: integers ({@link
 * Long} or {@link BigInteger}), floats ({@link Double}) and strings. Wrong verbs and missing
 * arguments print as Go prints them ({@code %!d(string=x)}, {@code %!s(MISSING)}).
 */
public final class GoFormat {

  private GoFormat() {}

  private static final class Spec {
    boolean minus;
    boolean plus;
    boolean sharp;
    boolean zero;
    boolean space;
    int width = -1;
    int precision = -1;
    char verb;
  }

  public static String sprintf(String format, List<Object> args) {
    StringBuilder out = new StringBuilder();
    int argIndex = 0;
    int i = 0;
    int n = format.length();
    while (i < n) {
      char c = format.charAt(i);
      if (c != '%') {
        out.append(c);
        i++;
        continue;
      }
      i++;
      if (i >= n) {
        out.append("%!(NOVERB)");
        break;
      }
      Spec spec = new Spec();
      flags:
      while (i < n) {
        switch (format.charAt(i)) {
          case '-' -> spec.minus = true;
          case '+' -> spec.plus = true;
          case '#' -> spec.sharp = true;
          case '0' -> spec.zero = true;
          case ' ' -> spec.space = true;
          default -> {
            break flags;
          }
        }
        i++;
      }
      if (i < n && format.charAt(i) == '*') {
        i++;
        if (argIndex < args.size() && args.get(argIndex) instanceof Long w) {
          spec.width = (int) Math.abs(w);
          spec.minus |= w < 0;
        }
        argIndex++;
      } else {
        int start = i;
        while (i < n && Character.isDigit(format.charAt(i))) {
          i++;
        }
        if (i > start) {
          spec.width = Integer.parseInt(format.substring(start, i));
        }
      }
      if (i < n && format.charAt(i) == '.') {
        i++;
        if (i < n && format.charAt(i) == '*') {
          i++;
          if (argIndex < args.size() && args.get(argIndex) instanceof Long p) {
            spec.precision = (int) Math.max(0, p);
          }
          argIndex++;
        } else {
          int start = i;
          while (i < n && Character.isDigit(format.charAt(i))) {
            i++;
          }
          spec.precision = i > start ? Integer.parseInt(format.substring(start, i)) : 0;
        }
      }
      if (i >= n) {
        out.append("%!(NOVERB)");
        break;
      }
      spec.verb = format.charAt(i++);
      if (spec.verb == '%') {
        out.append('%');
        continue;
      }
      if (argIndex >= args.size()) {
        out.append("%!").append(spec.verb).append("(MISSING)");
        continue;
      }
      out.append(formatOne(spec, args.get(argIndex++)));
    }
    if (argIndex < args.size()) {
      out.append("%!(EXTRA ");
      for (int j = argIndex; j < args.size(); j++) {
        if (j > argIndex) {
          out.append(", ");
        }
        Object a = args.get(j);
        out.append(goTypeName(a)).append('=').append(plain(a));
      }
      out.append(')');
    }
    return out.toString();
  }

  private static String formatOne(Spec spec, Object arg) {
    if (arg instanceof Long l) {
      return formatInteger(spec, BigInteger.valueOf(l), arg);
    }
    if (arg instanceof BigInteger b) {
      if (spec.verb == 's') {
        // big.Int formats %s as decimal.
        return pad(spec, b.toString(), false);
      }
      return formatInteger(spec, b, arg);
    }
    if (arg instanceof Double d) {
      return formatFloat(spec, d, arg);
    }
    String s = String.valueOf(arg);
    switch (spec.verb) {
      case 'v', 's' -> {
        if (spec.precision >= 0) {
          s = truncateRunes(s, spec.precision);
        }
        return pad(spec, s, false);
      }
      case 'q' -> {
        return pad(spec, goQuote(s), false);
      }
      case 'x', 'X' -> {
        StringBuilder hex = new StringBuilder();
        for (byte b : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
          hex.append(String.format(spec.verb == 'x' ? "%02x" : "%02X", b & 0xff));
        }
        return pad(spec, hex.toString(), false);
      }
      default -> {
        return bad(spec, arg);
      }
    }
  }

  private static String formatInteger(Spec spec, BigInteger v, Object arg) {
    String digits;
    switch (spec.verb) {
      case 'd', 'v' -> digits = v.abs().toString();
      case 'b' -> digits = v.abs().toString(2);
      case 'o', 'O' -> digits = v.abs().toString(8);
      case 'x' -> digits = v.abs().toString(16);
      case 'X' -> digits = v.abs().toString(16).toUpperCase(Locale.ROOT);
      case 'c' -> {
        return pad(spec, new String(Character.toChars(v.intValue())), false);
      }
      case 'q' -> {
        return pad(spec, "'" + new String(Character.toChars(v.intValue())) + "'", false);
      }
      case 'e', 'E', 'f', 'F', 'g', 'G' -> {
        return formatFloat(spec, v.doubleValue(), arg);
      }
      default -> {
        return bad(spec, arg);
      }
    }
    if (spec.precision >= 0) {
      if (spec.precision == 0 && v.signum() == 0) {
        digits = "";
      }
      while (digits.length() < spec.precision) {
        digits = "0" + digits;
      }
    }
    String prefix = "";
    if (spec.sharp) {
      prefix =
          switch (spec.verb) {
            case 'x' -> "0x";
            case 'X' -> "0X";
            case 'o' -> digits.startsWith("0") ? "" : "0";
            case 'b' -> "0b";
            default -> "";
          };
    }
    if (spec.verb == 'O') {
      prefix = "0o";
    }
    String sign = v.signum() < 0 ? "-" : spec.plus ? "+" : spec.space ? " " : "";
    return padNumber(spec, sign + prefix, digits, spec.precision < 0);
  }

  private static String formatFloat(Spec spec, double d, Object arg) {
    if (Double.isNaN(d)) {
      return pad(spec, "NaN", false);
    }
    if (Double.isInfinite(d)) {
      return pad(spec, d > 0 ? (spec.plus ? "+Inf" : "Inf") : "-Inf", false);
    }
    String body;
    switch (spec.verb) {
      case 'f', 'F' ->
          body =
              new BigDecimal(Math.abs(d))
                  .setScale(
                      spec.precision < 0 ? 6 : spec.precision, java.math.RoundingMode.HALF_EVEN)
                  .toPlainString();
      case 'e', 'E' -> body = exponent(Math.abs(d), spec.precision < 0 ? 6 : spec.precision);
      case 'g', 'G', 'v' -> body = general(Math.abs(d), spec.precision, spec.verb == 'v');
      default -> {
        return bad(spec, arg);
      }
    }
    if (Character.isUpperCase(spec.verb)) {
      body = body.toUpperCase(Locale.ROOT);
    }
    boolean negative = d < 0 || (d == 0 && 1 / d < 0);
    String sign = negative ? "-" : spec.plus ? "+" : spec.space ? " " : "";
    return padNumber(spec, sign, body, true);
  }

  /** %e: one digit, point, {@code precision} digits, exponent with sign and at least 2 digits. */
  private static String exponent(double abs, int precision) {
    if (abs == 0) {
      return (precision > 0 ? "0." + "0".repeat(precision) : "0") + "e+00";
    }
    BigDecimal bd = new BigDecimal(abs);
    BigDecimal rounded =
        bd.round(new java.math.MathContext(precision + 1, java.math.RoundingMode.HALF_EVEN));
    int exp = rounded.precision() - rounded.scale() - 1;
    String digits = rounded.unscaledValue().toString();
    while (digits.length() < precision + 1) {
      digits += "0";
    }
    digits = digits.substring(0, precision + 1);
    String mantissa = precision > 0 ? digits.charAt(0) + "." + digits.substring(1) : digits;
    return mantissa + expSuffix(exp);
  }

  private static String expSuffix(int exp) {
    String e = Integer.toString(Math.abs(exp));
    return "e" + (exp < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
  }

  /** %g / %v: shortest representation, exponent form for large or small magnitudes. */
  private static String general(double abs, int precision, boolean isV) {
    if (abs == 0) {
      return "0";
    }
    BigDecimal bd;
    if (precision < 0) {
      bd = new BigDecimal(Double.toString(abs)).stripTrailingZeros();
    } else {
      bd =
          new BigDecimal(abs)
              .round(
                  new java.math.MathContext(
                      Math.max(precision, 1), java.math.RoundingMode.HALF_EVEN))
              .stripTrailingZeros();
    }
    String digits = bd.unscaledValue().toString();
    int exp = bd.precision() - bd.scale() - 1;
    int eprec = precision < 0 ? (isV ? 21 : Math.max(digits.length(), 6)) : Math.max(precision, 1);
    if (precision < 0 && !isV && digits.length() > eprec) {
      eprec = digits.length();
    }
    if (exp < -4 || exp >= eprec) {
      String mantissa = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
      return mantissa + expSuffix(exp);
    }
    return bd.toPlainString();
  }

  private static String padNumber(Spec spec, String prefix, String digits, boolean zeroPadAllowed) {
    int len = prefix.length() + digits.length();
    if (spec.width > len && spec.zero && !spec.minus && zeroPadAllowed) {
      return prefix + "0".repeat(spec.width - len) + digits;
    }
    return pad(spec, prefix + digits, false);
  }

  private static String pad(Spec spec, String s, boolean unused) {
    int runes = s.codePointCount(0, s.length());
    if (spec.width <= runes) {
      return s;
    }
    String fill = (spec.zero && !spec.minus ? "0" : " ").repeat(spec.width - runes);
    return spec.minus ? s + fill : fill + s;
  }

  private static String truncateRunes(String s, int runes) {
    if (s.codePointCount(0, s.length()) <= runes) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, runes));
  }

  private static String bad(Spec spec, Object arg) {
    return "%!" + spec.verb + "(" + goTypeName(arg) + "=" + plain(arg) + ")";
  }

  private static String goTypeName(Object arg) {
    if (arg instanceof Long) {
      return "int";
    }
    if (arg instanceof BigInteger) {
      return "*big.Int";
    }
    if (arg instanceof Double) {
      return "float64";
    }
    return "string";
  }

  private static String plain(Object arg) {
    if (arg instanceof Double d) {
      return general(Math.abs(d), -1, true).replaceFirst("^", d < 0 ? "-" : "");
    }
    return String.valueOf(arg);
  }

  /** Go's strconv.Quote for common text. */
  static String goQuote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    s.codePoints()
        .forEach(
            cp -> {
              switch (cp) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                  if (cp < 0x20 || cp == 0x7f) {
                    sb.append(String.format("\\x%02x", cp));
                  } else {
                    sb.appendCodePoint(cp);
                  }
                }
              }
            });
    return sb.append('"').toString();
  }
}
