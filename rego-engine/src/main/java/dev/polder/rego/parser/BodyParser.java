package dev.polder.rego.parser;

import dev.polder.rego.ast.Expr;
import dev.polder.rego.ast.Literal;
import dev.polder.rego.ast.Location;
import dev.polder.rego.ast.Term;
import java.util.ArrayList;
import java.util.List;

/**
 * Bodies and their literals: {@code not}, {@code some}, {@code every}, unification, {@code with}.
 */
abstract class BodyParser extends TermParser {

  BodyParser(String file, List<Token> tokens) {
    super(file, tokens);
  }

  /** Literals up to {@code close} (consumed), separated by {@code ;} or line breaks. */
  @Override
  List<Literal> parseBracedBody(TokenKind close) {
    enter();
    try {
      List<Literal> body = new ArrayList<>();
      while (true) {
        while (accept(TokenKind.SEMICOLON)) {
          // empty statements
        }
        if (accept(close)) {
          break;
        }
        if (at(TokenKind.EOF)) {
          throw unexpected(close == TokenKind.RBRACE ? "}" : "]");
        }
        if (!body.isEmpty()
            && !peek().newlineBefore()
            && !tokens.get(pos - 1).is(TokenKind.SEMICOLON)) {
          throw unexpected(close == TokenKind.RBRACE ? "}" : "]");
        }
        body.add(parseLiteral());
      }
      if (body.isEmpty()) {
        throw error(tokens.get(pos - 1), "found empty body");
      }
      return body;
    } finally {
      leave();
    }
  }

  /** Literals of a query: separated by {@code ;} or newlines, up to EOF. */
  List<Literal> parseQueryBody() {
    List<Literal> body = new ArrayList<>();
    while (!at(TokenKind.EOF)) {
      while (accept(TokenKind.SEMICOLON)) {
        // separators
      }
      if (at(TokenKind.EOF)) {
        break;
      }
      if (!body.isEmpty()
          && !peek().newlineBefore()
          && !tokens.get(pos - 1).is(TokenKind.SEMICOLON)) {
        throw unexpected("; or newline");
      }
      body.add(parseLiteral());
    }
    if (body.isEmpty()) {
      throw error(peek(), "empty query");
    }
    return body;
  }

  Literal parseLiteral() {
    Location l = here();
    boolean negated = false;
    if (atIdent("not") && !keywordAsName()) {
      next();
      negated = true;
    }
    Expr expr;
    if (!negated && atIdent("some") && !keywordAsName()) {
      expr = parseSome();
    } else if (!negated && atIdent("every") && !keywordAsName()) {
      expr = parseEvery();
    } else {
      expr = parseExprBody();
    }
    List<Literal.With> withs = new ArrayList<>();
    while (atIdent("with") && !keywordAsName()) {
      Token w = next();
      Term target = parseTerm();
      if (!atIdent("as")) {
        throw unexpected("as");
      }
      next();
      Term value = parseTerm();
      withs.add(new Literal.With(target, value, loc(w)));
    }
    return new Literal(expr, negated, withs, l);
  }

  private Expr parseExprBody() {
    Term lhs = parseTerm();
    if (at(TokenKind.COMMA) && !peek().newlineBefore()) {
      // "k, v in coll" as an expression
      int save = pos;
      next();
      Term mid = parseRelationOnly();
      if (atIdent("in")) {
        Token in = next();
        Term coll = parseRelationLevel();
        Term member = new Term.Call("internal.member_3", List.of(lhs, mid, coll), loc(in), null);
        while (atIdent("in") && !peek().newlineBefore()) {
          Token more = next();
          member = call("internal.member_2", loc(more), member, parseRelationLevel());
        }
        return new Expr.TermExpr(member);
      }
      pos = save;
      return new Expr.TermExpr(lhs);
    }
    if (at(TokenKind.UNIFY) && !peek().newlineBefore()) {
      next();
      return new Expr.Unify(lhs, parseTerm(), false);
    }
    if (at(TokenKind.ASSIGN) && !peek().newlineBefore()) {
      next();
      return new Expr.Unify(lhs, parseTerm(), true);
    }
    return new Expr.TermExpr(lhs);
  }

  /** A term that stops before {@code in} (the value of {@code k, v in}). */
  private Term parseRelationOnly() {
    Token t = peek();
    // Parse a full term, then undo a trailing "in" call: simple and good enough for vars/patterns.
    Term term = parseTerm();
    if (term instanceof Term.Call c && c.name().equals("internal.member_2")) {
      pos = indexOfIn(t);
      return c.args().get(0);
    }
    return term;
  }

  private int indexOfIn(Token start) {
    int i = tokens.indexOf(start);
    int depth = 0;
    for (; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      switch (t.kind()) {
        case LBRACE, LBRACK, LPAREN -> depth++;
        case RBRACE, RBRACK, RPAREN -> depth--;
        default -> {}
      }
      if (depth == 0 && t.isIdent("in")) {
        return i;
      }
    }
    return pos;
  }

  private Expr parseSome() {
    Token some = next();
    List<Term> terms = new ArrayList<>();
    // some x, y, z   |   some x in c   |   some k, v in c
    Term first = parseTermBeforeIn();
    terms.add(first);
    while (accept(TokenKind.COMMA)) {
      terms.add(parseTermBeforeIn());
    }
    if (atIdent("in") && !peek().newlineBefore()) {
      next();
      Term coll = parseTerm();
      if (terms.size() > 2) {
        throw error(some, "unexpected , in some declaration");
      }
      return terms.size() == 2
          ? new Expr.SomeIn(terms.get(0), terms.get(1), coll)
          : new Expr.SomeIn(null, terms.get(0), coll);
    }
    List<Term.Var> vars = new ArrayList<>();
    for (Term t : terms) {
      if (!(t instanceof Term.Var v)) {
        throw new RegoParseException(t.loc(), "expected var in some declaration");
      }
      vars.add(v);
    }
    return new Expr.SomeDecl(vars);
  }

  private Expr parseEvery() {
    Token every = next();
    Term first = parseTermBeforeIn();
    Term key = null;
    Term value = first;
    if (accept(TokenKind.COMMA)) {
      key = first;
      value = parseTermBeforeIn();
    }
    if (!atIdent("in")) {
      throw unexpected("in");
    }
    next();
    Term domain = parseTerm();
    if (!at(TokenKind.LBRACE)) {
      throw unexpected("{");
    }
    next();
    List<Literal> body = parseBracedBody(TokenKind.RBRACE);
    if (key != null && !(key instanceof Term.Var) || !(value instanceof Term.Var)) {
      throw error(every, "every: expected variables before in");
    }
    return new Expr.Every(key, value, domain, body);
  }

  /** Terms in declarations end at {@code ,} or {@code in}: parse below the {@code in} level. */
  private Term parseTermBeforeIn() {
    Token start = peek();
    Term t = parseTerm();
    if (t instanceof Term.Call c && c.name().equals("internal.member_2")) {
      pos = indexOfIn(start);
      return c.args().get(0);
    }
    return t;
  }
}
