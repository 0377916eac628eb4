package dev.polder.rego.value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/** Conversion between Jackson trees and Rego values, as OPA converts to and from JSON. */
public final class JsonConversion {
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private JsonConversion() {}

  /** Sets become arrays (in sort order); non-string object keys become their Rego text. */
  public static JsonNode toJson(Value v) {
    switch (v.kind()) {
      case NULL:
        return NODES.nullNode();
      case BOOLEAN:
        return NODES.booleanNode(((BooleanValue) v).value());
      case NUMBER:
        {
          NumberValue n = (NumberValue) v;
          if (n.isLong()) {
            return NODES.numberNode(n.asLong());
          }
          if (n.isInteger()) {
            return NODES.numberNode(n.asBigInteger());
          }
          return NODES.numberNode(n.asBigDecimal());
        }
      case STRING:
        return NODES.textNode(((StringValue) v).value());
      case ARRAY:
        {
          ArrayNode a = NODES.arrayNode();
          for (Value e : (ArrayValue) v) {
            a.add(toJson(e));
          }
          return a;
        }
      case SET:
        {
          ArrayNode a = NODES.arrayNode();
          for (Value e : ((SetValue) v).sortedArray()) {
            a.add(toJson(e));
          }
          return a;
        }
      case OBJECT:
        {
          ObjectValue o = (ObjectValue) v;
          ObjectNode node = NODES.objectNode();
          for (Value k : o.sortedKeyArray()) {
            node.set(keyText(k), toJson(o.get(k)));
          }
          return node;
        }
      default:
        throw new IllegalStateException("unknown kind " + v.kind());
    }
  }

  /** The JSON key OPA uses for an object key. */
  public static String keyText(Value k) {
    if (k instanceof StringValue s) {
      return s.value();
    }
    if (k instanceof NumberValue n) {
      return n.format();
    }
    return toJson(k).toString();
  }

  public static Value fromJson(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return NullValue.INSTANCE;
    }
    if (node.isBoolean()) {
      return BooleanValue.of(node.booleanValue());
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong()
          ? NumberValue.of(node.longValue())
          : NumberValue.of(node.bigIntegerValue());
    }
    if (node.isNumber()) {
      return NumberValue.of(node.decimalValue());
    }
    if (node.isTextual()) {
      return StringValue.of(node.textValue());
    }
    if (node.isArray()) {
      Value[] items = new Value[node.size()];
      for (int i = 0; i < items.length; i++) {
        items[i] = fromJson(node.get(i));
      }
      return ArrayValue.wrap(items);
    }
    if (node.isObject()) {
      ObjectValue.Builder b = ObjectValue.builder();
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        b.put(StringValue.of(e.getKey()), fromJson(e.getValue()));
      }
      return b.build();
    }
    if (node.isBinary()) {
      return StringValue.of(java.util.Base64.getEncoder().encodeToString(binary(node)));
    }
    throw new IllegalArgumentException("cannot convert JSON node of type " + node.getNodeType());
  }

  private static byte[] binary(JsonNode node) {
    try {
      return node.binaryValue();
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("unreadable binary node", e);
    }
  }

  /** Converts plain Java values (Map, List, String, Number, Boolean, null) to Rego values. */
  public static Value fromJava(Object o) {
    if (o == null) {
      return NullValue.INSTANCE;
    }
    if (o instanceof Value v) {
      return v;
    }
    if (o instanceof Boolean b) {
      return BooleanValue.of(b);
    }
    if (o instanceof String s) {
      return StringValue.of(s);
    }
    if (o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof Byte) {
      return NumberValue.of(((Number) o).longValue());
    }
    if (o instanceof java.math.BigInteger bi) {
      return NumberValue.of(bi);
    }
    if (o instanceof java.math.BigDecimal bd) {
      return NumberValue.of(bd);
    }
    if (o instanceof Number n) {
      return NumberValue.of(n.doubleValue());
    }
    if (o instanceof Map<?, ?> m) {
      ObjectValue.Builder b = ObjectValue.builder();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        b.put(fromJava(e.getKey()), fromJava(e.getValue()));
      }
      return b.build();
    }
    if (o instanceof java.util.Set<?> s) {
      SetValue.Builder b = SetValue.builder();
      for (Object e : s) {
        b.add(fromJava(e));
      }
      return b.build();
    }
    if (o instanceof Iterable<?> l) {
      java.util.ArrayList<Value> items = new java.util.ArrayList<>();
      for (Object e : l) {
        items.add(fromJava(e));
      }
      return ArrayValue.of(items);
    }
    if (o instanceof JsonNode n) {
      return fromJson(n);
    }
    throw new IllegalArgumentException("cannot convert " + o.getClass().getName() + " to a value");
  }
}
