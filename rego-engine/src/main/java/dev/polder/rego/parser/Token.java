package dev.polder.rego.parser;

/**
 * A token. {@code text} is the decoded value for strings, the source text otherwise. {@code
 * newlineBefore} lets the parser end an expression at a line break, as Rego does.
 */
record Token(TokenKind kind, String text, int line, int col, int offset, boolean newlineBefore) {
  boolean is(TokenKind k) {
    return kind == k;
  }

  boolean isIdent(String word) {
    return kind == TokenKind.IDENT && text.equals(word);
  }

  String describe() {
    return switch (kind) {
      case EOF -> "eof";
      case IDENT -> "ident";
      case STRING, RAW_STRING, TEMPLATE -> "string";
      case NUMBER -> "number";
      default -> text;
    };
  }
}
