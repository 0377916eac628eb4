package dev.polder.rego.value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/** An immutable Rego array. */
public final class ArrayValue extends Value implements Iterable<Value> {
  public static final ArrayValue EMPTY = new ArrayValue(new Value[0]);

  private final Value[] elements;
  private int hash; // 0 = not yet computed

  private ArrayValue(Value[] elements) {
    this.elements = elements;
  }

  public static ArrayValue of(Value... elements) {
    return elements.length == 0 ? EMPTY : new ArrayValue(elements.clone());
  }

  public static ArrayValue of(Collection<? extends Value> elements) {
    return elements.isEmpty() ? EMPTY : new ArrayValue(elements.toArray(new Value[0]));
  }

  /** Wraps an array the caller promises not to change afterwards. */
  public static ArrayValue wrap(Value[] elements) {
    return elements.length == 0 ? EMPTY : new ArrayValue(elements);
  }

  public int size() {
    return elements.length;
  }

  public boolean isEmpty() {
    return elements.length == 0;
  }

  public Value get(int i) {
    return elements[i];
  }

  public List<Value> asList() {
    return Collections.unmodifiableList(Arrays.asList(elements));
  }

  /** A copy with {@code v} appended. */
  public ArrayValue append(Value v) {
    Value[] copy = Arrays.copyOf(elements, elements.length + 1);
    copy[elements.length] = v;
    return new ArrayValue(copy);
  }

  public ArrayValue slice(int from, int to) {
    return wrap(Arrays.copyOfRange(elements, from, to));
  }

  public List<Value> toMutableList() {
    return new ArrayList<>(Arrays.asList(elements));
  }

  @Override
  public Iterator<Value> iterator() {
    return asList().iterator();
  }

  @Override
  public Kind kind() {
    return Kind.ARRAY;
  }

  @Override
  public boolean isArray() {
    return true;
  }

  @Override
  int compareSameKind(Value other) {
    Value[] o = ((ArrayValue) other).elements;
    int n = Math.min(elements.length, o.length);
    for (int i = 0; i < n; i++) {
      int c = elements[i].compareTo(o[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(elements.length, o.length);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof ArrayValue a
        && a.elements.length == elements.length
        && a.hashCode() == hashCode()
        && Arrays.equals(elements, a.elements);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = Arrays.hashCode(elements) * 31 + 7;
      hash = h == 0 ? 1 : h;
    }
    return hash;
  }
}
