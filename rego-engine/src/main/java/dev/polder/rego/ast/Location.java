package dev.polder.rego.ast;

/** A place in a source file: 1-based line and column. */
public record Location(String file, int line, int col) {
  public static final Location NONE = new Location("", 0, 0);

  @Override
  public String toString() {
    return file + ":" + line + ":" + col;
  }
}
