package dev.polder.rego.parser;

import dev.polder.rego.ast.Location;
import dev.polder.rego.ast.Term;
import java.util.List;

/** Token navigation and error reporting shared by the parser layers. */
abstract class ParserBase {
  /** Nesting bound: deeper input is refused with a parse error instead of overflowing the stack. */
  static final int MAX_NESTING = 200;

  final String file;
  final List<Token> tokens;
  int pos;
  int nesting;
  private int wildcardCounter;

  ParserBase(String file, List<Token> tokens) {
    this.file = file;
    this.tokens = tokens;
  }

  Token peek() {
    return tokens.get(pos);
  }

  Token peek(int ahead) {
    int i = Math.min(pos + ahead, tokens.size() - 1);
    return tokens.get(i);
  }

  Token next() {
    Token t = tokens.get(pos);
    if (t.kind() != TokenKind.EOF) {
      pos++;
    }
    return t;
  }

  boolean at(TokenKind k) {
    return peek().kind() == k;
  }

  boolean atIdent(String word) {
    return peek().isIdent(word);
  }

  boolean accept(TokenKind k) {
    if (at(k)) {
      next();
      return true;
    }
    return false;
  }

  Token expect(TokenKind k, String what) {
    if (!at(k)) {
      throw unexpected(what);
    }
    return next();
  }

  Location loc(Token t) {
    return new Location(file, t.line(), t.col());
  }

  Location here() {
    return loc(peek());
  }

  RegoParseException unexpected(String expected) {
    Token t = peek();
    return new RegoParseException(
        loc(t), "unexpected " + t.describe() + " token: expected " + expected);
  }

  RegoParseException error(Token t, String msg) {
    return new RegoParseException(loc(t), msg);
  }

  void enter() {
    if (++nesting > MAX_NESTING) {
      throw error(peek(), "nesting too deep (more than " + MAX_NESTING + " levels)");
    }
  }

  void leave() {
    nesting--;
  }

  Term.Var wildcard(Location l) {
    return new Term.Var("$_" + (wildcardCounter++), -1, l);
  }

  /**
   * A keyword used as a name: followed by {@code .} or an adjacent {@code [}, e.g. {@code as.foo}.
   */
  boolean keywordAsName() {
    Token n = peek(1);
    return !n.newlineBefore()
        && (n.is(TokenKind.DOT)
            || (n.is(TokenKind.LBRACK) && n.offset() == peek().offset() + peek().text().length()));
  }

  static final java.util.Set<String> KEYWORDS =
      java.util.Set.of(
          "package",
          "import",
          "as",
          "default",
          "else",
          "not",
          "with",
          "some",
          "in",
          "every",
          "contains",
          "if",
          "true",
          "false",
          "null");
}
