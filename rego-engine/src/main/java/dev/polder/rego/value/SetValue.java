package dev.polder.rego.value;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** An immutable Rego set. It iterates in OPA's sort order, as OPA does. */
public final class SetValue extends Value implements Iterable<Value> {
  public static final SetValue EMPTY = new SetValue(Collections.emptySet());

  private final Set<Value> members;
  private volatile Value[] sorted; // computed on first ordered use
  private int hash;

  private SetValue(Set<Value> members) {
    this.members = members;
  }

  public static SetValue of(Value... members) {
    return of(Arrays.asList(members));
  }

  public static SetValue of(Collection<? extends Value> members) {
    if (members.isEmpty()) {
      return EMPTY;
    }
    return new SetValue(new HashSet<>(members));
  }

  /** Wraps a set the caller promises not to change afterwards. */
  public static SetValue wrap(Set<Value> members) {
    return members.isEmpty() ? EMPTY : new SetValue(members);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects members, then builds the set once. */
  public static final class Builder {
    private HashSet<Value> members = new HashSet<>();

    public Builder add(Value v) {
      members.add(v);
      return this;
    }

    public boolean contains(Value v) {
      return members.contains(v);
    }

    public int size() {
      return members.size();
    }

    public SetValue build() {
      SetValue s = wrap(members);
      members = new HashSet<>();
      return s;
    }
  }

  public int size() {
    return members.size();
  }

  public boolean isEmpty() {
    return members.isEmpty();
  }

  public boolean contains(Value v) {
    return members.contains(v);
  }

  /** The members in OPA's order. */
  public List<Value> sortedMembers() {
    return Collections.unmodifiableList(Arrays.asList(sortedArray()));
  }

  Value[] sortedArray() {
    Value[] s = sorted;
    if (s == null) {
      s = members.toArray(new Value[0]);
      Arrays.sort(s);
      sorted = s;
    }
    return s;
  }

  /** Unordered view for fast membership and hashing. */
  public Set<Value> asSet() {
    return Collections.unmodifiableSet(members);
  }

  public SetValue union(SetValue o) {
    if (o.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return o;
    }
    HashSet<Value> r = new HashSet<>(members);
    r.addAll(o.members);
    return wrap(r);
  }

  public SetValue intersect(SetValue o) {
    HashSet<Value> r = new HashSet<>();
    for (Value v : members) {
      if (o.members.contains(v)) {
        r.add(v);
      }
    }
    return wrap(r);
  }

  public SetValue minus(SetValue o) {
    HashSet<Value> r = new HashSet<>(members);
    r.removeAll(o.members);
    return wrap(r);
  }

  public SetValue add(Value v) {
    if (members.contains(v)) {
      return this;
    }
    HashSet<Value> r = new HashSet<>(members);
    r.add(v);
    return wrap(r);
  }

  @Override
  public Iterator<Value> iterator() {
    return sortedMembers().iterator();
  }

  @Override
  public Kind kind() {
    return Kind.SET;
  }

  @Override
  public boolean isSet() {
    return true;
  }

  @Override
  int compareSameKind(Value other) {
    Value[] a = sortedArray();
    Value[] b = ((SetValue) other).sortedArray();
    int n = Math.min(a.length, b.length);
    for (int i = 0; i < n; i++) {
      int c = a[i].compareTo(b[i]);
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
    return o instanceof SetValue s
        && s.members.size() == members.size()
        && s.hashCode() == hashCode()
        && s.members.equals(members);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = members.hashCode() * 17 + 3;
      hash = h == 0 ? 1 : h;
    }
    return hash;
  }
}
