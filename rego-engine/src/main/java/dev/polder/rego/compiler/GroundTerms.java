package dev.polder.rego.compiler;

import dev.polder.rego.ast.Term;
import dev.polder.rego.value.ArrayValue;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.SetValue;
import dev.polder.rego.value.Value;
import java.util.ArrayList;
import java.util.List;

/** Values of constant terms (literals with no variables, refs or calls), e.g. an input term. */
public final class GroundTerms {
  private GroundTerms() {}

  /**
   * The value of a ground term.
   *
   * @throws IllegalArgumentException if the term is not ground
   */
  public static Value value(Term t) {
    if (t instanceof Term.Scalar s) {
      return s.value();
    }
    if (t instanceof Term.ArrayTerm a) {
      List<Value> items = new ArrayList<>();
      for (Term i : a.items()) {
        items.add(value(i));
      }
      return ArrayValue.of(items);
    }
    if (t instanceof Term.SetTerm s) {
      List<Value> items = new ArrayList<>();
      for (Term i : s.items()) {
        items.add(value(i));
      }
      return SetValue.of(items);
    }
    if (t instanceof Term.ObjectTerm o) {
      ObjectValue.Builder b = ObjectValue.builder();
      for (int i = 0; i < o.keys().size(); i++) {
        b.put(value(o.keys().get(i)), value(o.values().get(i)));
      }
      return b.build();
    }
    if (t instanceof Term.Call c && c.name().equals("minus") && c.args().size() == 2) {
      Value x = value(c.args().get(0));
      Value y = value(c.args().get(1));
      if (x instanceof dev.polder.rego.value.NumberValue nx
          && y instanceof dev.polder.rego.value.NumberValue ny) {
        return nx.minus(ny);
      }
    }
    throw new IllegalArgumentException("not a constant term at " + t.loc());
  }
}
