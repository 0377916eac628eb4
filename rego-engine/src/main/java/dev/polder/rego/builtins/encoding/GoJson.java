package dev.polder.rego.builtins.encoding;

import dev.polder.rego.value.ArrayValue;
import dev.polder.rego.value.BooleanValue;
import dev.polder.rego.value.JsonConversion;
import dev.polder.rego.value.NumberValue;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.SetValue;
import dev.polder.rego.value.StringValue;
import dev.polder.rego.value.Value;
import java.util.List;

/**
 * Writes values as Go's encoding/json writes OPA's JSON form: object keys sorted, sets as arrays,
 * {@code <}, {@code >}, {@code &}, U+2028 and U+2029 escaped, and MarshalIndent's layout.
 */
public final class GoJson {

  private GoJson() {}

  public static String marshal(Value v) {
    StringBuilder sb = new StringBuilder();
    write(sb, v, null, "", "");
    return sb.toString();
  }

  /** Go's MarshalIndent(v, prefix, indent); the first line carries no prefix, as in Go. */
  public static String marshalIndent(Value v, String prefix, String indent) {
    StringBuilder sb = new StringBuilder();
    write(sb, v, indent, prefix, "");
    return sb.toString();
  }

  private static void write(StringBuilder sb, Value v, String indent, String prefix, String depth) {
    switch (v.kind()) {
      case NULL -> sb.append("null");
      case BOOLEAN -> sb.append(((BooleanValue) v).value());
      case NUMBER -> sb.append(((NumberValue) v).format());
      case STRING -> quote(sb, ((StringValue) v).value());
      case ARRAY -> writeList(sb, ((ArrayValue) v).asList(), indent, prefix, depth);
      case SET -> writeList(sb, ((SetValue) v).sortedMembers(), indent, prefix, depth);
      case OBJECT -> {
        ObjectValue o = (ObjectValue) v;
        if (o.isEmpty()) {
          sb.append("{}");
          return;
        }
        // Go sorts map keys by the bytes of their string form (code point order). String keys
        // are already in that order; others are sorted by their JSON key text.
        List<Value> keys = o.sortedKeys();
        if (!keys.stream().allMatch(Value::isString)) {
          keys = new java.util.ArrayList<>(keys);
          keys.sort(
              (x, y) -> compareCodePoints(JsonConversion.keyText(x), JsonConversion.keyText(y)));
        }
        sb.append('{');
        String inner = indent == null ? null : depth + indent;
        boolean first = true;
        for (Value k : keys) {
          if (!first) {
            sb.append(',');
          }
          first = false;
          newline(sb, indent, prefix, inner);
          quote(sb, JsonConversion.keyText(k));
          sb.append(indent == null ? ":" : ": ");
          write(sb, o.get(k), indent, prefix, inner);
        }
        newline(sb, indent, prefix, depth);
        sb.append('}');
      }
      default -> throw new IllegalStateException("unknown kind " + v.kind());
    }
  }

  private static void writeList(
      StringBuilder sb, List<Value> items, String indent, String prefix, String depth) {
    if (items.isEmpty()) {
      sb.append("[]");
      return;
    }
    sb.append('[');
    String inner = indent == null ? null : depth + indent;
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      newline(sb, indent, prefix, inner);
      write(sb, items.get(i), indent, prefix, inner);
    }
    newline(sb, indent, prefix, depth);
    sb.append(']');
  }

  private static void newline(StringBuilder sb, String indent, String prefix, String depth) {
    if (indent != null) {
      sb.append('\n').append(prefix).append(depth);
    }
  }

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
        case '<', '>', '&', '\u2028', '\u2029' -> sb.append(String.format("\\u%04x", (int) c));
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

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
