package dev.polder.rego.parser;

import dev.polder.rego.ast.Location;

/** A syntax error: {@code file:line:col: rego_parse_error: message}, as OPA reports it. */
public final class RegoParseException extends RuntimeException {
  private final Location location;
  private final String detail;

  public RegoParseException(Location location, String detail) {
    super(location + ": rego_parse_error: " + detail);
    this.location = location;
    this.detail = detail;
  }

  public Location location() {
    return location;
  }

  public String detail() {
    return detail;
  }
}
