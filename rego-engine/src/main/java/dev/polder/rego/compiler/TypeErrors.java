package dev.polder.rego.compiler;

import dev.polder.rego.ast.Location;
import dev.polder.rego.ast.Term;
import dev.polder.rego.types.Type;
import dev.polder.rego.value.StringValue;
import java.util.List;

/** How OPA's type checker words and places its errors: detail lines, locations, refs. */
final class TypeErrors {
  private TypeErrors() {}

  /**
   * OPA's {@code undefined ref} text for selecting into a scalar at path position {@code pos}: the
   * ref, a caret under its scalar part, the scalar's type. Null if the ref does not print alike.
   */
  static String undefinedRef(Term.Ref r, int pos, Type have) {
    String prefix = refText(r.head(), r.path().subList(0, pos));
    String whole = refText(r.head(), r.path());
    if (prefix == null || whole == null) {
      return null;
    }
    return "undefined ref: "
        + whole
        + "\n\t"
        + whole
        + "\n\t"
        + "^".repeat(prefix.length())
        + "\n\thave: "
        + have;
  }

  /** A ref as OPA prints it ({@code x.a[0][i]}), or null if it has parts not printed alike. */
  private static String refText(Term head, List<Term> path) {
    if (!(head instanceof Term.Var v) || v.name().startsWith("$")) {
      return null;
    }
    StringBuilder sb = new StringBuilder(v.name());
    for (Term p : path) {
      if (p instanceof Term.Scalar s && s.value() instanceof StringValue str) {
        boolean ident = str.value().matches("[A-Za-z_][A-Za-z0-9_]*");
        sb.append(ident ? "." + str.value() : "[" + s.value() + "]");
      } else if (p instanceof Term.Scalar s && (s.value().isNumber() || s.value().isBoolean())) {
        sb.append('[').append(s.value()).append(']');
      } else if (p instanceof Term.Var pv && !pv.name().startsWith("$")) {
        sb.append('[').append(pv.name()).append(']');
      } else {
        return null;
      }
    }
    return sb.toString();
  }

  /**
   * Where OPA places an error on a call: the start of the expression, which for an infix operator
   * ({@code r + 1}, located at its operator) is the start of its left operand.
   */
  static Location start(Term t) {
    Location l = t.loc();
    if (t instanceof Term.Call c && !c.args().isEmpty()) {
      Location left = start(c.args().get(0));
      if (left.line() > 0
          && (left.line() < l.line() || (left.line() == l.line() && left.col() < l.col()))) {
        return left;
      }
    }
    return l;
  }

  /**
   * OPA's detail lines: what the call has ({@code ???} for an unbound output) and what it wants.
   */
  static String details(
      Term.Call c, Type[] have, Type.Function sig, List<String> names, boolean hidden) {
    StringBuilder sb = new StringBuilder("\n\thave: (");
    for (int i = 0; i < have.length; i++) {
      sb.append(i > 0 ? ", " : "").append(display(c.args().get(i), have[i]));
    }
    if (hidden && sig.result() != null && have.length == sig.args().size()) {
      sb.append(have.length > 0 ? ", " : "").append("???");
    }
    return sb.append(")\n\twant: ").append(want(sig, names)).toString();
  }

  /**
   * What a function wants, its result included: {@code (search: string, base: string, result:
   * boolean)}; OPA prints named arguments as {@code name: type}, else the bare types.
   */
  static String want(Type.Function sig, List<String> names) {
    boolean named = names.size() == sig.args().size() + (sig.result() != null ? 1 : 0);
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < sig.args().size(); i++) {
      sb.append(i > 0 ? ", " : "")
          .append(named ? names.get(i) + ": " : "")
          .append(sig.args().get(i));
    }
    if (sig.result() != null) {
      sb.append(sig.args().isEmpty() ? "" : ", ")
          .append(named ? names.get(names.size() - 1) + ": " : "")
          .append(sig.result());
    }
    return sb.append(')').toString();
  }

  /** Constants print as OPA prints their static types ({@code array<number, string>}). */
  private static String display(Term t, Type inferred) {
    if (inferred == null) {
      return "???";
    }
    if (t instanceof Term.Scalar s) {
      return CallChecker.typeOf(s.value());
    }
    return inferred.toString();
  }
}
