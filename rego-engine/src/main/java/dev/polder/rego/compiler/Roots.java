package dev.polder.rego.compiler;

import dev.polder.rego.ast.Location;
import dev.polder.rego.ast.Term;

/** The two global documents, as variables with reserved slots. */
public final class Roots {
  public static final int DATA_SLOT = -2;
  public static final int INPUT_SLOT = -3;

  private Roots() {}

  public static Term.Var data(Location l) {
    return new Term.Var("data", DATA_SLOT, l);
  }

  public static Term.Var input(Location l) {
    return new Term.Var("input", INPUT_SLOT, l);
  }

  public static boolean isData(Term t) {
    return t instanceof Term.Var v && v.slot() == DATA_SLOT;
  }

  public static boolean isInput(Term t) {
    return t instanceof Term.Var v && v.slot() == INPUT_SLOT;
  }
}
