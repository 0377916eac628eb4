package dev.polder.rego.value;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An immutable Rego object; keys may be any value. It iterates keys in OPA's sort order. */
public final class ObjectValue extends Value {
  public static final ObjectValue EMPTY = new ObjectValue(Collections.emptyMap());

  private final Map<Value, Value> entries;
  private volatile Value[] sortedKeys;
  private int hash;

  private ObjectValue(Map<Value, Value> entries) {
    this.entries = entries;
  }

  /** Wraps a map the caller promises not to change afterwards. */
  public static ObjectValue wrap(Map<Value, Value> entries) {
    return entries.isEmpty() ? EMPTY : new ObjectValue(entries);
  }

  public static ObjectValue of(Map<? extends Value, ? extends Value> entries) {
    return entries.isEmpty() ? EMPTY : new ObjectValue(new HashMap<>(entries));
  }

  /** An object of string keys, e.g. {@code ObjectValue.ofStrings("a", Value.of(1))}. */
  public static ObjectValue ofStrings(Object... keysAndValues) {
    Builder b = builder();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      b.put(StringValue.of((String) keysAndValues[i]), (Value) keysAndValues[i + 1]);
    }
    return b.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects entries (a later put of a key replaces the earlier), then builds once. */
  public static final class Builder {
    private Map<Value, Value> entries = new HashMap<>();

    public Builder put(Value k, Value v) {
      entries.put(k, v);
      return this;
    }

    public Builder put(String k, Value v) {
      return put(StringValue.of(k), v);
    }

    public Value get(Value k) {
      return entries.get(k);
    }

    public boolean containsKey(Value k) {
      return entries.containsKey(k);
    }

    public Builder remove(Value k) {
      entries.remove(k);
      return this;
    }

    public int size() {
      return entries.size();
    }

    public ObjectValue build() {
      ObjectValue o = wrap(entries);
      entries = new HashMap<>();
      return o;
    }
  }

  public int size() {
    return entries.size();
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** The value under {@code key}, or null when absent. */
  public Value get(Value key) {
    return entries.get(key);
  }

  public Value get(String key) {
    return entries.get(StringValue.of(key));
  }

  public boolean containsKey(Value key) {
    return entries.containsKey(key);
  }

  /** Keys in OPA's order. */
  public List<Value> sortedKeys() {
    return Collections.unmodifiableList(Arrays.asList(sortedKeyArray()));
  }

  Value[] sortedKeyArray() {
    Value[] s = sortedKeys;
    if (s == null) {
      s = entries.keySet().toArray(new Value[0]);
      Arrays.sort(s);
      sortedKeys = s;
    }
    return s;
  }

  /** Unordered read-only view. */
  public Map<Value, Value> asMap() {
    return Collections.unmodifiableMap(entries);
  }

  /** Entries in key order, for deterministic output. */
  public Map<Value, Value> sortedMap() {
    LinkedHashMap<Value, Value> m = new LinkedHashMap<>();
    for (Value k : sortedKeyArray()) {
      m.put(k, entries.get(k));
    }
    return m;
  }

  /** A copy with {@code key} set to {@code value}. */
  public ObjectValue with(Value key, Value value) {
    HashMap<Value, Value> m = new HashMap<>(entries);
    m.put(key, value);
    return wrap(m);
  }

  public ObjectValue without(Value key) {
    if (!entries.containsKey(key)) {
      return this;
    }
    HashMap<Value, Value> m = new HashMap<>(entries);
    m.remove(key);
    return wrap(m);
  }

  @Override
  public Kind kind() {
    return Kind.OBJECT;
  }

  @Override
  public boolean isObject() {
    return true;
  }

  @Override
  int compareSameKind(Value other) {
    ObjectValue o = (ObjectValue) other;
    Value[] a = sortedKeyArray();
    Value[] b = o.sortedKeyArray();
    int n = Math.min(a.length, b.length);
    for (int i = 0; i < n; i++) {
      int c = a[i].compareTo(b[i]);
      if (c != 0) {
        return c;
      }
      c = entries.get(a[i]).compareTo(o.entries.get(b[i]));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.length, b.length);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof ObjectValue ov
        && ov.entries.size() == entries.size()
        && ov.hashCode() == hashCode()
        && ov.entries.equals(entries);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = entries.hashCode() * 13 + 5;
      hash = h == 0 ? 1 : h;
    }
    return hash;
  }
}
