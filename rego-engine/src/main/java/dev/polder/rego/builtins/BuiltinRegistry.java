package dev.polder.rego.builtins;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The built-ins known to a compiler. {@link #standard()} holds every group listed in {@link
 * StandardBuiltins}; embedders may add their own with {@link #register}.
 */
public final class BuiltinRegistry {
  private final Map<String, Builtin> byName = new java.util.HashMap<>();
  private volatile boolean frozen;

  /** A registry with every standard group registered. Cheap: the result is shared. */
  public static BuiltinRegistry standard() {
    return StandardBuiltins.REGISTRY;
  }

  /** An empty registry (for tests or a restricted profile). */
  public static BuiltinRegistry empty() {
    return new BuiltinRegistry();
  }

  /** A mutable copy, e.g. to add custom built-ins to the standard set. */
  public BuiltinRegistry copy() {
    BuiltinRegistry r = new BuiltinRegistry();
    r.byName.putAll(byName);
    return r;
  }

  /**
   * Adds a built-in.
   *
   * @throws IllegalStateException if the name is already registered (two groups define it)
   */
  public synchronized BuiltinRegistry register(Builtin b) {
    if (frozen) {
      throw new IllegalStateException("the standard registry is shared; register on copy()");
    }
    Builtin prev = byName.putIfAbsent(b.name(), b);
    if (prev != null && prev != b) {
      throw new IllegalStateException("built-in registered twice: " + b.name());
    }
    return this;
  }

  /** Makes this registry read-only (the shared standard one). */
  BuiltinRegistry freeze() {
    frozen = true;
    return this;
  }

  /** The built-in of that name, or null. */
  public Builtin lookup(String name) {
    return byName.get(name);
  }

  public boolean contains(String name) {
    return byName.containsKey(name);
  }

  public Collection<Builtin> all() {
    return Collections.unmodifiableCollection(new TreeMap<>(byName).values());
  }
}
