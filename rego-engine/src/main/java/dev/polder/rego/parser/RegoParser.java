package dev.polder.rego.parser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.polder.rego.ast.Expr;
import dev.polder.rego.ast.Literal;
import dev.polder.rego.ast.Location;
import dev.polder.rego.ast.Module;
import dev.polder.rego.ast.Rule;
import dev.polder.rego.ast.RuleKind;
import dev.polder.rego.ast.Term;
import dev.polder.rego.value.BooleanValue;
import dev.polder.rego.value.StringValue;
import java.util.ArrayList;
import java.util.List;

/** Parses Rego v1 modules, queries and terms. Errors are {@link RegoParseException}s. */
public final class RegoParser extends BodyParser {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** METADATA blocks not yet attached to a statement, by the line they end on. */
  private final java.util.TreeMap<Integer, Block> annotationsByEndLine = new java.util.TreeMap<>();

  private record Block(com.fasterxml.jackson.databind.node.ObjectNode node, Location loc) {}

  private RegoParser(String file, Lexer lexer) {
    super(file, lexer.tokens());
    collectAnnotations(lexer.comments());
  }

  private static RegoParser of(String file, String src) {
    return new RegoParser(file, new Lexer(file, src).run());
  }

  /** Parses one module. */
  public static Module parseModule(String file, String src) {
    return of(file, src).module();
  }

  /** Parses a query: literals separated by {@code ;} or newlines. */
  public static List<Literal> parseQuery(String src) {
    return of("query", src).parseQueryBody();
  }

  /** Parses a single term, e.g. an {@code input_term}. */
  public static Term parseTerm(String file, String src) {
    RegoParser p = of(file, src);
    Term t = p.parseTerm();
    if (!p.at(TokenKind.EOF)) {
      throw p.unexpected("eof");
    }
    return t;
  }

  static Term parseTemplateExpression(String file, String src, Location at) {
    RegoParser p = of(file, src);
    if (p.at(TokenKind.EOF)) {
      throw new RegoParseException(at, "empty template expression");
    }
    Literal lit = p.parseLiteral();
    if (!p.at(TokenKind.EOF) || lit.negated() || !(lit.expr() instanceof Expr.TermExpr te)) {
      throw new RegoParseException(
          at, "unexpected " + p.peek().describe() + " in template expression");
    }
    if (lit.withs().isEmpty()) {
      return te.term();
    }
    // {x with input as y}: the values of x under the modifiers, as a set (as OPA evaluates every
    // template part); the template takes its single element.
    Term.Var v =
        new Term.Var(Term.Template.MODIFIED_PART_VAR + TEMPLATE_VARS.incrementAndGet(), -1, at);
    Literal bind = new Literal(new Expr.Unify(v, te.term(), false), false, lit.withs(), at);
    return new Term.SetCompr(v, List.of(bind), at);
  }

  private static final java.util.concurrent.atomic.AtomicLong TEMPLATE_VARS =
      new java.util.concurrent.atomic.AtomicLong();

  private Module module() {
    if (!atIdent("package")) {
      throw unexpected("package");
    }
    Token pkg = next();
    JsonNode pkgAnnotations = annotationsBefore(pkg.line(), "package");
    List<String> path = parseDottedPath(false);
    List<Module.Import> imports = new ArrayList<>();
    while (atIdent("import")) {
      Token imp = next();
      annotationsBefore(imp.line(), "import");
      List<String> ipath = parseDottedPath(true);
      String alias = null;
      if (atIdent("as") && !peek().newlineBefore()) {
        next();
        alias = expect(TokenKind.IDENT, "ident").text();
      }
      imports.add(new Module.Import(ipath, alias, loc(imp)));
    }
    List<Rule> rules = new ArrayList<>();
    while (!at(TokenKind.EOF)) {
      rules.add(parseRule());
    }
    return new Module(file, path, imports, rules, pkgAnnotations);
  }

  /** {@code a.b["c"].d}: identifiers and string keys. */
  private List<String> parseDottedPath(boolean allowKeywords) {
    List<String> path = new ArrayList<>();
    Token first = peek();
    if (!first.is(TokenKind.IDENT)) {
      throw unexpected("ident");
    }
    next();
    path.add(first.text());
    while (true) {
      if (at(TokenKind.DOT) && !peek().newlineBefore()) {
        next();
        path.add(expect(TokenKind.IDENT, "ident").text());
      } else if (at(TokenKind.LBRACK) && !peek().newlineBefore()) {
        next();
        Token s = peek();
        if (!s.is(TokenKind.STRING) && !s.is(TokenKind.RAW_STRING)) {
          throw unexpected("string");
        }
        next();
        path.add(s.text());
        expect(TokenKind.RBRACK, "]");
      } else {
        return path;
      }
    }
  }

  private Rule parseRule() {
    Token start = peek();
    Location l = loc(start);
    JsonNode annotations = annotationsBefore(start.line(), "rule");
    boolean isDefault = false;
    if (atIdent("default") && !keywordAsName()) {
      next();
      isDefault = true;
    }
    if (!at(TokenKind.IDENT)) {
      throw unexpected("ident");
    }
    Token nameTok = next();
    if (KEYWORDS.contains(nameTok.text())
        && !nameTok.text().equals("contains")
        && !(peek().is(TokenKind.DOT) || peek().is(TokenKind.LBRACK))) {
      pos--;
      throw unexpected("ident");
    }
    List<Term> head = new ArrayList<>();
    head.add(new Term.Var(nameTok.text(), -1, loc(nameTok)));
    while (true) {
      if (at(TokenKind.DOT) && !peek().newlineBefore()) {
        next();
        Token id = expect(TokenKind.IDENT, "ident");
        head.add(new Term.Scalar(StringValue.of(id.text()), loc(id)));
      } else if (at(TokenKind.LBRACK) && !peek().newlineBefore()) {
        next();
        head.add(parseTerm());
        expect(TokenKind.RBRACK, "]");
      } else {
        break;
      }
    }
    List<Term> args = null;
    if (at(TokenKind.LPAREN) && !peek().newlineBefore()) {
      next();
      args = new ArrayList<>();
      if (!at(TokenKind.RPAREN)) {
        do {
          args.add(parseTerm());
        } while (accept(TokenKind.COMMA));
      }
      expect(TokenKind.RPAREN, ")");
    }
    if (isDefault) {
      if (!accept(TokenKind.ASSIGN) && !accept(TokenKind.UNIFY)) {
        throw unexpected(":=");
      }
      Term value = parseTerm();
      RuleKind kind = args != null ? RuleKind.FUNCTION : RuleKind.COMPLETE;
      return new Rule(l, head, kind, args, null, value, List.of(), true, null, annotations, 0);
    }
    Term key = null;
    Term value = null;
    RuleKind kind;
    if (atIdent("contains") && !peek().newlineBefore()) {
      next();
      key = parseTerm();
      kind = RuleKind.PARTIAL_SET;
    } else {
      if ((at(TokenKind.ASSIGN) || at(TokenKind.UNIFY)) && !peek().newlineBefore()) {
        next();
        value = parseTerm();
      }
      if (args != null) {
        kind = RuleKind.FUNCTION;
      } else {
        boolean constant = true;
        for (int i = 1; i < head.size(); i++) {
          constant &= head.get(i) instanceof Term.Scalar;
        }
        kind = constant ? RuleKind.COMPLETE : RuleKind.PARTIAL_OBJECT;
      }
    }
    if (value == null && kind != RuleKind.PARTIAL_SET) {
      value = new Term.Scalar(BooleanValue.TRUE, l);
    }
    List<Literal> argChecks = new ArrayList<>();
    if (args != null) {
      args = templateArgsAsVars(args, argChecks);
    }
    List<Literal> body = withChecks(parseOptionalBody(), argChecks);
    Rule elseRule =
        kind == RuleKind.COMPLETE || kind == RuleKind.FUNCTION
            ? parseElse(head, kind, args, argChecks)
            : null;
    return new Rule(l, head, kind, args, key, value, body, false, elseRule, annotations, 0);
  }

  /**
   * A template string as a function argument ({@code f($"{x}-y")}) is not a pattern: it becomes a
   * fresh variable that the body compares with the template, once the template's variables are
   * bound (safety ordering places the check).
   */
  private List<Term> templateArgsAsVars(List<Term> args, List<Literal> checks) {
    List<Term> out = new ArrayList<>(args.size());
    for (Term a : args) {
      if (a instanceof Term.Template tp) {
        Term.Var v = new Term.Var("$targ" + checks.size(), -1, tp.loc());
        checks.add(new Literal(new Expr.Unify(v, tp, false), false, List.of(), tp.loc()));
        out.add(v);
      } else {
        out.add(a);
      }
    }
    return out;
  }

  private static List<Literal> withChecks(List<Literal> body, List<Literal> checks) {
    if (checks.isEmpty()) {
      return body;
    }
    List<Literal> out = new ArrayList<>(body);
    out.addAll(checks);
    return out;
  }

  private List<Literal> parseOptionalBody() {
    if (atIdent("if") && !peek().newlineBefore()) {
      next();
      if (at(TokenKind.LBRACE)) {
        int save = pos;
        next();
        try {
          return parseBracedBody(TokenKind.RBRACE);
        } catch (RegoParseException notABody) {
          pos = save; // e.g. `if {x: i | ...}`: a single literal that is a comprehension
          try {
            return List.of(parseLiteral());
          } catch (RegoParseException alsoNot) {
            throw notABody;
          }
        }
      }
      return List.of(parseLiteral());
    }
    if (at(TokenKind.LBRACE) && !peek().newlineBefore()) {
      throw error(peek(), "`if` keyword is required before rule body");
    }
    return List.of();
  }

  private Rule parseElse(List<Term> head, RuleKind kind, List<Term> args, List<Literal> checks) {
    if (!atIdent("else") || keywordAsName()) {
      return null;
    }
    Token e = next();
    Term value;
    if (accept(TokenKind.ASSIGN) || accept(TokenKind.UNIFY)) {
      value = parseTerm();
    } else {
      value = new Term.Scalar(BooleanValue.TRUE, loc(e));
    }
    List<Literal> body = withChecks(parseOptionalBody(), checks);
    Rule next = parseElse(head, kind, args, checks);
    return new Rule(loc(e), head, kind, args, null, value, body, false, next, null, 0);
  }

  private void collectAnnotations(List<Lexer.Comment> comments) {
    for (int i = 0; i < comments.size(); i++) {
      Lexer.Comment c = comments.get(i);
      if (!c.text().trim().equals("METADATA")) {
        continue;
      }
      StringBuilder yaml = new StringBuilder();
      int line = c.line();
      int j = i + 1;
      while (j < comments.size() && comments.get(j).line() == line + 1) {
        String t = comments.get(j).text();
        yaml.append(t.startsWith(" ") ? t.substring(1) : t).append('\n');
        line++;
        j++;
      }
      Location at = new Location(file, c.line(), c.col());
      JsonNode node;
      try {
        node = YAML.readTree(yaml.toString());
      } catch (java.io.IOException ex) {
        throw new RegoParseException(at, "invalid METADATA yaml");
      }
      if (node == null || node.isMissingNode() || node.isNull()) {
        node = YAML.createObjectNode();
      }
      if (!node.isObject()) {
        throw new RegoParseException(at, "invalid METADATA block: must be a YAML mapping");
      }
      annotationsByEndLine.put(
          line, new Block((com.fasterxml.jackson.databind.node.ObjectNode) node, at));
      i = j - 1;
    }
  }

  /**
   * The METADATA block attached to the statement starting at {@code line} (OPA attaches a block to
   * the first statement after it), with its default scope set; checks the scope fits the statement.
   */
  private JsonNode annotationsBefore(int line, String statement) {
    Block block = null;
    while (!annotationsByEndLine.isEmpty() && annotationsByEndLine.firstKey() < line) {
      block = annotationsByEndLine.pollFirstEntry().getValue();
    }
    if (block == null) {
      return null;
    }
    com.fasterxml.jackson.databind.node.ObjectNode node = block.node().deepCopy();
    String scope = node.path("scope").asText("");
    if (scope.isEmpty()) {
      scope =
          switch (statement) {
            case "package" -> "package";
            case "rule" -> node.path("entrypoint").asBoolean(false) ? "document" : "rule";
            default -> statement;
          };
      node.put("scope", scope);
    }
    String want =
        switch (scope) {
          case "rule", "document" -> "rule";
          case "package", "subpackages" -> "package";
          default ->
              throw new RegoParseException(
                  block.loc(),
                  "invalid annotation scope '"
                      + scope
                      + "'. Use one of 'rule', 'document', 'package', or 'subpackages'");
        };
    if (!want.equals(statement)) {
      throw new RegoParseException(
          block.loc(),
          "annotation scope '"
              + scope
              + "' must be applied to "
              + want
              + " (have "
              + statement
              + ")");
    }
    return node;
  }
}
