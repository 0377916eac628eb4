package dev.polder.rego.builtins.graphql;

/** A GraphQL document that does not parse or validate; the message is gqlparser's wording. */
final class GraphQlSyntaxException extends Exception {
  GraphQlSyntaxException(String message, int line, int column) {
    super(line == 0 ? message : message + " in GraphQL string at location " + line + ":" + column);
  }
}
