package dev.polder.rego.builtins.graphql;

import dev.polder.rego.builtins.graphql.Lexer.Kind;
import dev.polder.rego.builtins.graphql.Lexer.Token;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recursive-descent parser for the parts shared by query and schema documents. The AST is built as
 * maps in the shape of gqlparser's AST serialised to JSON (empty lists and nulls left out).
 */
abstract class Parser {

  // gqlparser's ast.ValueKind numbering.
  static final int VARIABLE = 0;
  static final int INT = 1;
  static final int FLOAT = 2;
  static final int STRING = 3;
  static final int BLOCK = 4;
  static final int BOOLEAN = 5;
  static final int NULL = 6;
  static final int ENUM = 7;
  static final int LIST = 8;
  static final int OBJECT = 9;

  /** Where each AST node started, for validation messages; identity-keyed, outside the AST. */
  final Map<Map<String, Object>, Token> positions = new IdentityHashMap<>();

  /** Deeper nesting is refused, so that hostile input cannot overflow the parser's stack. */
  static final int MAX_DEPTH = 200;

  private final List<Token> tokens;
  private int index;
  private int depth;

  Parser(String source) {
    this.tokens = Lexer.tokenize(source);
  }

  /** A JSON-like object without nulls and empty lists, in gqlparser's json omitempty style. */
  static Map<String, Object> node(Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      Object v = keyValues[i + 1];
      if (v == null || v instanceof List<?> l && l.isEmpty()) {
        continue;
      }
      m.put((String) keyValues[i], v);
    }
    return m;
  }

  Token peek() {
    return tokens.get(index);
  }

  Token advance() throws GraphQlSyntaxException {
    Token t = tokens.get(index);
    if (t.kind() == Kind.INVALID) {
      throw unexpected(t);
    }
    if (t.kind() != Kind.EOF) {
      index++;
    }
    return t;
  }

  boolean atEof() {
    return peek().kind() == Kind.EOF;
  }

  boolean skip(String punct) throws GraphQlSyntaxException {
    if (peek().is(punct)) {
      advance();
      return true;
    }
    return false;
  }

  boolean skipKeyword(String name) throws GraphQlSyntaxException {
    if (peek().isName(name)) {
      advance();
      return true;
    }
    return false;
  }

  static GraphQlSyntaxException unexpected(Token t) {
    return new GraphQlSyntaxException("Unexpected " + t.describe(), t.line(), t.column());
  }

  GraphQlSyntaxException unexpected() {
    return unexpected(peek());
  }

  void expect(String punct) throws GraphQlSyntaxException {
    Token t = peek();
    if (t.kind() == Kind.INVALID) {
      throw unexpected(t);
    }
    if (!t.is(punct)) {
      throw new GraphQlSyntaxException(
          "Expected " + punct + ", found " + t.describe(), t.line(), t.column());
    }
    advance();
  }

  void expectKeyword(String name) throws GraphQlSyntaxException {
    Token t = peek();
    if (t.kind() == Kind.INVALID) {
      throw unexpected(t);
    }
    if (!t.isName(name)) {
      throw new GraphQlSyntaxException(
          "Expected \"" + name + "\", found " + t.describe(), t.line(), t.column());
    }
    advance();
  }

  String name() throws GraphQlSyntaxException {
    Token t = peek();
    if (t.kind() == Kind.INVALID) {
      throw unexpected(t);
    }
    if (t.kind() != Kind.NAME) {
      throw new GraphQlSyntaxException(
          "Expected Name, found " + t.describe(), t.line(), t.column());
    }
    advance();
    return t.value();
  }

  interface Item<T> {
    T parse() throws GraphQlSyntaxException;
  }

  /** Zero or more items between open and close, when the list starts with open. */
  <T> List<T> many(String open, Item<T> item, String close) throws GraphQlSyntaxException {
    List<T> out = new ArrayList<>();
    if (!skip(open)) {
      return out;
    }
    while (!skip(close)) {
      out.add(item.parse());
    }
    return out;
  }

  /** One or more items between open and close, when the list starts with open. */
  <T> List<T> some(String open, Item<T> item, String close) throws GraphQlSyntaxException {
    List<T> out = new ArrayList<>();
    if (!skip(open)) {
      return out;
    }
    if (peek().is(close)) {
      Token t = peek();
      throw new GraphQlSyntaxException(
          "expected at least one definition, found " + t.describe(), t.line(), t.column());
    }
    while (!skip(close)) {
      out.add(item.parse());
    }
    return out;
  }

  /** Description string before a schema definition, "" when absent. */
  String description() throws GraphQlSyntaxException {
    Token t = peek();
    if (t.kind() == Kind.STRING || t.kind() == Kind.BLOCK_STRING) {
      advance();
      return t.value();
    }
    return "";
  }

  List<Map<String, Object>> arguments(boolean isConst) throws GraphQlSyntaxException {
    return many(
        "(",
        () -> {
          String n = name();
          expect(":");
          return node("Name", n, "Value", value(isConst));
        },
        ")");
  }

  List<Map<String, Object>> directives(boolean isConst) throws GraphQlSyntaxException {
    List<Map<String, Object>> out = new ArrayList<>();
    while (skip("@")) {
      String n = name();
      out.add(node("Arguments", arguments(isConst), "Location", "", "Name", n));
    }
    return out;
  }

  Map<String, Object> value(boolean isConst) throws GraphQlSyntaxException {
    enter();
    try {
      return valueAtDepth(isConst);
    } finally {
      depth--;
    }
  }

  /** Counts one level of nesting; callers decrement when they leave it. */
  void enter() throws GraphQlSyntaxException {
    if (++depth > MAX_DEPTH) {
      Token t = peek();
      depth--;
      throw new GraphQlSyntaxException(
          "document nested deeper than " + MAX_DEPTH + " levels", t.line(), t.column());
    }
  }

  void leave() {
    depth--;
  }

  private Map<String, Object> valueAtDepth(boolean isConst) throws GraphQlSyntaxException {
    Token t = peek();
    switch (t.kind()) {
      case PUNCT -> {
        if (t.is("[")) {
          List<Map<String, Object>> items =
              many("[", () -> node("Name", "", "Value", value(isConst)), "]");
          return valueNode(LIST, "", items);
        }
        if (t.is("{")) {
          List<Map<String, Object>> fields =
              many(
                  "{",
                  () -> {
                    String n = name();
                    expect(":");
                    return node("Name", n, "Value", value(isConst));
                  },
                  "}");
          return valueNode(OBJECT, "", fields);
        }
        if (t.is("$") && !isConst) {
          advance();
          return valueNode(VARIABLE, name(), null);
        }
        throw unexpected(t);
      }
      case INT -> {
        advance();
        return valueNode(INT, t.value(), null);
      }
      case FLOAT -> {
        advance();
        return valueNode(FLOAT, t.value(), null);
      }
      case STRING -> {
        advance();
        return valueNode(STRING, t.value(), null);
      }
      case BLOCK_STRING -> {
        advance();
        return valueNode(BLOCK, t.value(), null);
      }
      case NAME -> {
        advance();
        int kind =
            switch (t.value()) {
              case "true", "false" -> BOOLEAN;
              case "null" -> NULL;
              default -> ENUM;
            };
        return valueNode(kind, t.value(), null);
      }
      default -> throw unexpected(t);
    }
  }

  private static Map<String, Object> valueNode(int kind, String raw, List<?> children) {
    return node("Children", children, "ExpectedTypeHasDefault", false, "Kind", kind, "Raw", raw);
  }

  Map<String, Object> type() throws GraphQlSyntaxException {
    Map<String, Object> t;
    if (skip("[")) {
      enter();
      Map<String, Object> elem = type();
      leave();
      expect("]");
      t = node("Elem", elem, "NamedType", "", "NonNull", false);
    } else {
      t = node("NamedType", name(), "NonNull", false);
    }
    if (skip("!")) {
      t.put("NonNull", true);
    }
    return t;
  }
}
