package dev.polder.rego.compiler;

import dev.polder.rego.ast.Literal;
import dev.polder.rego.ast.Term;
import java.util.List;

/** A compiled query: its ordered body, frame size and the variables reported in each result row. */
public record CompiledQuery(List<Literal> body, int frameSize, List<Term.Var> outputs) {
  public CompiledQuery {
    body = List.copyOf(body);
    outputs = List.copyOf(outputs);
  }
}
