package dev.polder.rego.eval;

import dev.polder.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code with} can replace: the input, parts of {@code data}, functions. Each {@code with}
 * makes a new state with its own document cache, so replaced values never leak into cached ones.
 */
final class EvalState {
  /** A {@code with data.x.y as v} replacement. */
  record DataOverride(List<Value> path, Value value) {}

  final Value input; // null when undefined
  final List<DataOverride> overrides;
  final Map<String, Object> mocks; // "b:name" / "f:a.b" -> Value or CallTarget
  final Value[] docCache;

  EvalState(Value input, List<DataOverride> overrides, Map<String, Object> mocks, int nodes) {
    this.docCache = new Value[nodes];
    this.input = input;
    this.overrides = overrides;
    this.mocks = mocks;
  }

  boolean hasOverrides() {
    return !overrides.isEmpty();
  }

  /** The replacement at exactly this path, or null. Later overrides win. */
  Value overrideAt(List<Value> path) {
    for (int i = overrides.size() - 1; i >= 0; i--) {
      if (overrides.get(i).path().equals(path)) {
        return overrides.get(i).value();
      }
    }
    return null;
  }

  /** Overrides strictly below this path. */
  List<DataOverride> overridesBelow(List<Value> path) {
    List<DataOverride> out = new ArrayList<>();
    for (DataOverride o : overrides) {
      if (o.path().size() > path.size() && o.path().subList(0, path.size()).equals(path)) {
        out.add(o);
      }
    }
    return out;
  }

  /** True if an override covers this path or one above it (rules below are replaced). */
  boolean overriddenAtOrAbove(List<Value> path) {
    for (DataOverride o : overrides) {
      if (o.path().size() <= path.size() && path.subList(0, o.path().size()).equals(o.path())) {
        return true;
      }
    }
    return false;
  }
}
