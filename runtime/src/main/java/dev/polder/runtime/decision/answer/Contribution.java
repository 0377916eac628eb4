package dev.polder.runtime.decision.answer;

/**
 * One entry of the decision trace: which engine, which rule (Drools rule name or Rego rule path),
 * in which file, said what.
 */
public record Contribution(String engine, String rule, String file, String effect) {}
