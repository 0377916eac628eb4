package dev.polder.runtime.decision;

/**
 * The named questions of the pipeline. Each is answered by the Drools rules in {@code
 * rules/<folder>/} and the Rego package {@code polder.<name>} in {@code policies/<folder>/}.
 */
public enum DecisionPoint {
  CLASSIFY("classify", "classify"),
  ACCESS("access", "access"),
  REDACT("redact", "redact"),
  ROUTE("route", "route"),
  TOOL_ACCESS("tool-access", "tool_access");

  private final String folder;
  private final String regoName;

  DecisionPoint(String folder, String regoName) {
    this.folder = folder;
    this.regoName = regoName;
  }

  /** Folder under {@code rules/} and {@code policies/}, and the name used in traces. */
  public String folder() {
    return folder;
  }

  /** The Rego package, e.g. {@code polder.tool_access}. */
  public String regoPackage() {
    return "polder." + regoName;
  }

  /** The Rego query of the package's document, e.g. {@code data.polder.access}. */
  public String regoQuery() {
    return "data." + regoPackage();
  }

  /** The Drools global through which rules answer, e.g. {@code access}. */
  public String droolsGlobal() {
    return this == TOOL_ACCESS ? "tools" : folder;
  }
}
