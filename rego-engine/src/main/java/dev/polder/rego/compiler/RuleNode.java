package dev.polder.rego.compiler;

import dev.polder.rego.ast.Rule;
import dev.polder.rego.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A node of the virtual document tree under {@code data}: the rules whose constant head prefix ends
 * here, the functions defined here, and child nodes.
 */
public final class RuleNode {
  private final List<Value> path;
  final Map<Value, RuleNode> children = new HashMap<>();
  final List<Rule> rules = new ArrayList<>();
  final List<Rule> functions = new ArrayList<>();
  Rule defaultRule;
  Rule defaultFunction;
  boolean isPackage;
  private int id;
  private int count;

  /** Numbers the nodes of a finished tree (ids index per-evaluation caches). */
  void number() {
    int[] next = {0};
    number(this, next);
    count = next[0];
  }

  private static void number(RuleNode n, int[] next) {
    n.id = next[0]++;
    for (RuleNode c : n.children.values()) {
      number(c, next);
    }
  }

  /** This node's number in its tree. */
  public int id() {
    return id;
  }

  /** Number of nodes in the tree (on the root). */
  public int nodeCount() {
    return count;
  }

  private final Map<List<String>, RuleNode> descendants =
      new java.util.concurrent.ConcurrentHashMap<>();
  private volatile Integer staticHeadCount;

  RuleNode(List<Value> path) {
    this.path = List.copyOf(path);
  }

  /** The node at a path of names below this one, or null (memoised; thread-safe). */
  public RuleNode descendant(List<String> names) {
    RuleNode cached = descendants.get(names);
    if (cached != null) {
      return cached;
    }
    RuleNode n = this;
    for (String name : names) {
      n = n.children.get(dev.polder.rego.value.StringValue.of(name));
      if (n == null) {
        return null;
      }
    }
    descendants.put(List.copyOf(names), n);
    return n;
  }

  /** The path below {@code data}. */
  public List<Value> path() {
    return path;
  }

  public Map<Value, RuleNode> children() {
    return children;
  }

  public RuleNode child(Value key) {
    return children.get(key);
  }

  /** Non-function rules contributing to this node's document (complete, set, object). */
  public List<Rule> rules() {
    return rules;
  }

  public List<Rule> functions() {
    return functions;
  }

  public Rule defaultRule() {
    return defaultRule;
  }

  public Rule defaultFunction() {
    return defaultFunction;
  }

  /** True if a module declares this path as its package (an empty package is still {}). */
  public boolean isPackage() {
    return isPackage;
  }

  public boolean hasRules() {
    return !rules.isEmpty() || defaultRule != null;
  }

  /** True if this node or a descendant defines rules (not only functions). */
  public boolean hasVirtualContent() {
    if (hasRules()) {
      return true;
    }
    for (RuleNode c : children.values()) {
      if (c.hasVirtualContent()) {
        return true;
      }
    }
    return false;
  }

  RuleNode childOrCreate(Value key) {
    return children.computeIfAbsent(
        key,
        k -> {
          List<Value> p = new ArrayList<>(path);
          p.add(k);
          return new RuleNode(p);
        });
  }

  /** {@code data.a.b} form of the path, for messages. */
  public String pathString() {
    StringBuilder sb = new StringBuilder("data");
    for (Value v : path) {
      if (v instanceof dev.polder.rego.value.StringValue s) {
        sb.append('.').append(s.value());
      } else {
        sb.append('[').append(v).append(']');
      }
    }
    return sb.toString();
  }
}
