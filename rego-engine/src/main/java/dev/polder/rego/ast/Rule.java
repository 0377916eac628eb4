package dev.polder.rego.ast;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One rule definition. {@code head} is its reference below the package: the name, then string
 * constants for {@code .x}/{@code ["x"]} and arbitrary terms for dynamic parts. {@code value} is
 * {@code true} when omitted. {@code elseRule} chains {@code else} branches.
 */
public record Rule(
    Location loc,
    List<Term> head,
    RuleKind kind,
    List<Term> args,
    Term key,
    Term value,
    List<Literal> body,
    boolean isDefault,
    Rule elseRule,
    JsonNode annotations,
    int frameSize) {
  public Rule {
    head = List.copyOf(head);
    args = args == null ? null : List.copyOf(args);
    body = List.copyOf(body);
  }

  /** The rule's name: the first element of its head. */
  public String name() {
    return ((Term.Var) head.get(0)).name();
  }
}
