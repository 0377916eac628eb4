package dev.polder.rego.ast;

import dev.polder.rego.value.Value;
import java.util.List;

/** A Rego term. Terms are immutable; the compiler rewrites them (resolved refs, variable slots). */
public sealed interface Term
    permits Term.Scalar,
        Term.Var,
        Term.Ref,
        Term.ArrayTerm,
        Term.SetTerm,
        Term.ObjectTerm,
        Term.Call,
        Term.ArrayCompr,
        Term.SetCompr,
        Term.ObjectCompr,
        Term.Template {

  Location loc();

  /** A constant: null, boolean, number or string (or a ground composite folded by the compiler). */
  record Scalar(Value value, Location loc) implements Term {}

  /**
   * A variable. {@code slot} is its index in the evaluation frame, assigned by the compiler (-1
   * before). Names starting with {@code $} are generated (wildcards, temporaries).
   */
  record Var(String name, int slot, Location loc) implements Term {
    public Var withSlot(int s) {
      return new Var(name, s, loc);
    }

    public boolean isWildcard() {
      return name.startsWith("$_");
    }
  }

  /** {@code head[path0][path1]...}; dotted access is a string path element. */
  record Ref(Term head, List<Term> path, Location loc, RefCache cache) implements Term {
    public Ref {
      path = List.copyOf(path);
    }

    public Ref(Term head, List<Term> path, Location loc) {
      this(head, path, loc, new RefCache());
    }
  }

  /**
   * Where the constant prefix of a {@code data} ref leads, memoised by the evaluator (the same for
   * every evaluation of a compiled policy). Ignored by equals/hashCode.
   */
  final class RefCache {
    private volatile Object resolved;

    public Object get() {
      return resolved;
    }

    public void set(Object o) {
      resolved = o;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof RefCache;
    }

    @Override
    public int hashCode() {
      return 0;
    }
  }

  record ArrayTerm(List<Term> items, Location loc) implements Term {
    public ArrayTerm {
      items = List.copyOf(items);
    }
  }

  record SetTerm(List<Term> items, Location loc) implements Term {
    public SetTerm {
      items = List.copyOf(items);
    }
  }

  record ObjectTerm(List<Term> keys, List<Term> values, Location loc) implements Term {
    public ObjectTerm {
      keys = List.copyOf(keys);
      values = List.copyOf(values);
    }
  }

  /**
   * A call {@code name(args)}; operators are calls too ({@code plus}, {@code equal}, …). {@code
   * target} is set by the compiler: a built-in name, or a function's data path ({@code
   * data.pkg.f}).
   */
  record Call(String name, List<Term> args, Location loc, CallTarget target) implements Term {
    public Call {
      args = List.copyOf(args);
    }
  }

  record ArrayCompr(Term head, List<Literal> body, Location loc) implements Term {
    public ArrayCompr {
      body = List.copyOf(body);
    }
  }

  record SetCompr(Term head, List<Literal> body, Location loc) implements Term {
    public SetCompr {
      body = List.copyOf(body);
    }
  }

  record ObjectCompr(Term key, Term value, List<Literal> body, Location loc) implements Term {
    public ObjectCompr {
      body = List.copyOf(body);
    }
  }

  /** A template string {@code $"a {x} b"}: constant string parts and expression parts. */
  record Template(List<Term> parts, Location loc) implements Term {
    /**
     * Head variable prefix of a part with {@code with} modifiers, which the parser turns into a set
     * comprehension of the part's values.
     */
    public static final String MODIFIED_PART_VAR = "$tpl";

    public Template {
      parts = List.copyOf(parts);
    }
  }
}
