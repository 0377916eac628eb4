package dev.polder.rego.eval;

/** What to do after a literal succeeded; returns true to stop the search (enough found). */
@FunctionalInterface
interface Cont {
  boolean go();
}
