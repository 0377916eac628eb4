package dev.polder.rego.eval;

import dev.polder.rego.value.Value;

/** Receives each value a term takes; returns true to stop the search. */
@FunctionalInterface
interface ValueCont {
  boolean accept(Value v);
}
