package dev.polder.rego.builtins.objects;

import dev.polder.rego.value.ArrayValue;
import dev.polder.rego.value.NumberValue;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.SetValue;
import dev.polder.rego.value.StringValue;
import dev.polder.rego.value.Value;
import java.util.List;

/**
 * RFC 6902 JSON Patch over Rego values, as OPA's {@code json.patch}: sets are addressed by member,
 * and any failing operation makes the whole result undefined (null).
 */
final class JsonPatch {

  private JsonPatch() {}

  static Value apply(Value doc, ArrayValue operations) {
    Value current = doc;
    for (Value op : operations) {
      if (!(op instanceof ObjectValue o)) {
        return null;
      }
      current = applyOne(current, o);
      if (current == null) {
        return null;
      }
    }
    return current;
  }

  private static Value applyOne(Value doc, ObjectValue op) {
    Value opName = op.get("op");
    List<Value> path = path(op.get("path"));
    if (!(opName instanceof StringValue name) || path == null) {
      return null;
    }
    Value value = op.get("value");
    switch (name.value()) {
      case "add":
        return value == null ? null : add(doc, path, 0, value);
      case "remove":
        return remove(doc, path, 0);
      case "replace":
        {
          if (value == null) {
            return null;
          }
          if (path.isEmpty()) {
            return value;
          }
          Value removed = remove(doc, path, 0);
          return removed == null ? null : add(removed, path, 0, value);
        }
      case "move":
        {
          List<Value> from = path(op.get("from"));
          if (from == null) {
            return null;
          }
          if (from.equals(path)) {
            return get(doc, from) == null ? null : doc;
          }
          if (path.size() > from.size() && path.subList(0, from.size()).equals(from)) {
            return null;
          }
          Value moved = get(doc, from);
          if (moved == null) {
            return null;
          }
          Value removed = remove(doc, from, 0);
          return removed == null ? null : add(removed, path, 0, moved);
        }
      case "copy":
        {
          List<Value> from = path(op.get("from"));
          Value copied = from == null ? null : get(doc, from);
          return copied == null ? null : add(doc, path, 0, copied);
        }
      case "test":
        {
          Value actual = get(doc, path);
          return actual != null && value != null && actual.equals(value) ? doc : null;
        }
      default:
        return null;
    }
  }

  private static List<Value> path(Value p) {
    return p == null ? null : JsonPaths.segments(p);
  }

  static Value get(Value doc, List<Value> path) {
    Value current = doc;
    for (Value seg : path) {
      current = child(current, seg);
      if (current == null) {
        return null;
      }
    }
    return current;
  }

  private static Value child(Value node, Value seg) {
    if (node instanceof ArrayValue a) {
      int i = index(seg, a.size() - 1);
      return i < 0 ? null : a.get(i);
    }
    return ObjectBuiltins.child(node, seg);
  }

  /** An array index in [0, max], or -1. */
  private static int index(Value seg, int max) {
    long i = -1;
    if (seg instanceof NumberValue n && n.isInt()) {
      i = n.asInt();
    } else if (seg instanceof StringValue s && s.value().matches("0|[1-9][0-9]{0,8}")) {
      i = Long.parseLong(s.value());
    }
    return i >= 0 && i <= max ? (int) i : -1;
  }

  private static Value add(Value doc, List<Value> path, int i, Value value) {
    if (i == path.size()) {
      return value;
    }
    Value seg = path.get(i);
    if (i == path.size() - 1) {
      if (doc instanceof ObjectValue o) {
        return o.with(seg, value);
      }
      if (doc instanceof ArrayValue a) {
        int at =
            seg instanceof StringValue s && s.value().equals("-") ? a.size() : index(seg, a.size());
        if (at < 0) {
          return null;
        }
        List<Value> items = a.toMutableList();
        items.add(at, value);
        return ArrayValue.of(items);
      }
      if (doc instanceof SetValue s) {
        return seg.equals(value) ? s.add(value) : null;
      }
      return null;
    }
    Value child = child(doc, seg);
    if (child == null) {
      return null;
    }
    Value updated = add(child, path, i + 1, value);
    return updated == null ? null : replaceChild(doc, seg, child, updated);
  }

  private static Value remove(Value doc, List<Value> path, int i) {
    if (path.isEmpty()) {
      return null;
    }
    Value seg = path.get(i);
    if (i == path.size() - 1) {
      if (doc instanceof ObjectValue o) {
        return o.containsKey(seg) ? o.without(seg) : null;
      }
      if (doc instanceof ArrayValue a) {
        int at = index(seg, a.size() - 1);
        if (at < 0) {
          return null;
        }
        List<Value> items = a.toMutableList();
        items.remove(at);
        return ArrayValue.of(items);
      }
      if (doc instanceof SetValue s) {
        return s.contains(seg) ? s.minus(SetValue.of(seg)) : null;
      }
      return null;
    }
    Value child = child(doc, seg);
    if (child == null) {
      return null;
    }
    Value updated = remove(child, path, i + 1);
    return updated == null ? null : replaceChild(doc, seg, child, updated);
  }

  private static Value replaceChild(Value doc, Value seg, Value oldChild, Value newChild) {
    if (doc instanceof ObjectValue o) {
      return o.with(seg, newChild);
    }
    if (doc instanceof ArrayValue a) {
      List<Value> items = a.toMutableList();
      items.set(index(seg, a.size() - 1), newChild);
      return ArrayValue.of(items);
    }
    SetValue s = (SetValue) doc;
    return s.minus(SetValue.of(oldChild)).add(newChild);
  }
}
