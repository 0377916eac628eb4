package dev.polder.rego.ast;

/** What a rule contributes to its document. */
public enum RuleKind {
  /** {@code p := v}: one value at a constant path. */
  COMPLETE,
  /** {@code p contains x}: a member of the set at the path. */
  PARTIAL_SET,
  /** {@code p[k] := v}, {@code a.b[k].c := v}: an entry of the object at the constant prefix. */
  PARTIAL_OBJECT,
  /** {@code f(x) := v}. */
  FUNCTION
}
