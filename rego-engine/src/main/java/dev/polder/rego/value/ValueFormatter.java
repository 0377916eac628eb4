package dev.polder.rego.value;

/** Writes values in Rego syntax as OPA prints them ({@code print}, messages, non-string keys). */
public final class ValueFormatter {
  private ValueFormatter() {}

  public static String format(Value v) {
    StringBuilder sb = new StringBuilder();
    write(sb, v);
    return sb.toString();
  }

  public static void write(StringBuilder sb, Value v) {
    switch (v.kind()) {
      case NULL -> sb.append("null");
      case BOOLEAN -> sb.append(((BooleanValue) v).value());
      case NUMBER -> sb.append(((NumberValue) v).format());
      case STRING -> quote(sb, ((StringValue) v).value());
      case ARRAY -> {
        sb.append('[');
        ArrayValue a = (ArrayValue) v;
        for (int i = 0; i < a.size(); i++) {
          if (i > 0) {
            sb.append(", ");
          }
          write(sb, a.get(i));
        }
        sb.append(']');
      }
      case SET -> {
        SetValue s = (SetValue) v;
        if (s.isEmpty()) {
          sb.append("set()");
          return;
        }
        sb.append('{');
        boolean first = true;
        for (Value e : s.sortedArray()) {
          if (!first) {
            sb.append(", ");
          }
          first = false;
          write(sb, e);
        }
        sb.append('}');
      }
      case OBJECT -> {
        ObjectValue o = (ObjectValue) v;
        sb.append('{');
        boolean first = true;
        for (Value k : o.sortedKeyArray()) {
          if (!first) {
            sb.append(", ");
          }
          first = false;
          write(sb, k);
          sb.append(": ");
          write(sb, o.get(k));
        }
        sb.append('}');
      }
      default -> throw new IllegalStateException("unknown kind");
    }
  }

  /** JSON string quoting as Go's strconv.Quote-compatible JSON encoding does for common text. */
  public static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
