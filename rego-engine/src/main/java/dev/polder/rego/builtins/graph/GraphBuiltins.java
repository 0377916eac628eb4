package dev.polder.rego.builtins.graph;

import static dev.polder.rego.types.Types.A;
import static dev.polder.rego.types.Types.ARRAY;
import static dev.polder.rego.types.Types.SET;
import static dev.polder.rego.types.Types.anyOf;
import static dev.polder.rego.types.Types.fn;
import static dev.polder.rego.types.Types.objectOf;
import static dev.polder.rego.types.Types.setOf;

import dev.polder.rego.builtins.Builtin;
import dev.polder.rego.builtins.BuiltinContext;
import dev.polder.rego.builtins.BuiltinException;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.builtins.operands.Operands;
import dev.polder.rego.value.ArrayValue;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.SetValue;
import dev.polder.rego.value.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * graph.reachable and graph.reachable_paths over an adjacency object {node: [neighbours] or
 * {neighbours}}. Nodes without an entry in the graph are never reached.
 */
public final class GraphBuiltins {

  private GraphBuiltins() {}

  private static final int MAX_PATHS = 100_000;

  public static void register(BuiltinRegistry r) {
    r.register(
        Builtin.of(
            "graph.reachable",
            fn(setOf(A), objectOf(A, anyOf(ARRAY, SET)), anyOf(ARRAY, SET)),
            GraphBuiltins::reachable));
    r.register(
        Builtin.of(
            "graph.reachable_paths",
            fn(setOf(ARRAY), objectOf(A, anyOf(ARRAY, SET)), anyOf(ARRAY, SET)),
            GraphBuiltins::reachablePaths));
  }

  private static List<Value> edges(Value v) {
    return v instanceof ArrayValue || v instanceof SetValue ? Operands.elements(v) : List.of();
  }

  private static Value reachable(BuiltinContext c, List<Value> a) throws BuiltinException {
    ObjectValue graph = Operands.object(a, 1);
    ArrayDeque<Value> queue = new ArrayDeque<>(Operands.elements(a.get(1)));
    SetValue.Builder reached = SetValue.builder();
    while (!queue.isEmpty()) {
      if (c.cancelled()) {
        throw BuiltinException.error("graph traversal cancelled");
      }
      Value node = queue.poll();
      Value out = graph.get(node);
      if (out == null || reached.contains(node)) {
        continue;
      }
      reached.add(node);
      for (Value n : edges(out)) {
        if (!reached.contains(n)) {
          queue.add(n);
        }
      }
    }
    return reached.build();
  }

  private static Value reachablePaths(BuiltinContext c, List<Value> a) throws BuiltinException {
    ObjectValue graph = Operands.object(a, 1);
    SetValue.Builder paths = SetValue.builder();
    for (Value root : Operands.elements(a.get(1))) {
      if (graph.get(root) == null) {
        continue;
      }
      Set<Value> reached = new HashSet<>();
      List<Value> path = new ArrayList<>();
      path.add(root);
      build(c, graph, root, path, reached, paths);
    }
    return paths.build();
  }

  /**
   * Depth-first, as OPA's graph.reachable_paths: a path ends at a leaf, before a neighbour that is
   * not in the graph, or before a node already expanded. Only nodes with a neighbour inside the
   * graph count as expanded.
   */
  private static void build(
      BuiltinContext c,
      ObjectValue graph,
      Value node,
      List<Value> path,
      Set<Value> reached,
      SetValue.Builder paths)
      throws BuiltinException {
    if (c.cancelled() || paths.size() > MAX_PATHS) {
      throw BuiltinException.error("graph.reachable_paths: too many paths");
    }
    List<Value> out = edges(graph.get(node));
    if (out.isEmpty()) {
      paths.add(ArrayValue.of(path));
      return;
    }
    if (out.stream().anyMatch(n -> graph.get(n) != null)) {
      reached.add(node);
    }
    for (Value next : out) {
      if (graph.get(next) == null || reached.contains(next)) {
        paths.add(ArrayValue.of(path));
      } else {
        path.add(next);
        build(c, graph, next, path, reached, paths);
        path.remove(path.size() - 1);
      }
    }
  }
}
