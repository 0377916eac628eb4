package dev.polder.rego.parser;

import dev.polder.rego.ast.Literal;
import dev.polder.rego.ast.Location;
import dev.polder.rego.ast.Term;
import dev.polder.rego.value.BooleanValue;
import dev.polder.rego.value.NullValue;
import dev.polder.rego.value.NumberValue;
import dev.polder.rego.value.StringValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Terms and infix operators. Precedence from loosest: {@code in}, comparisons, {@code |}, {@code
 * &}, {@code + -}, {@code * / %} — as OPA's parser has it.
 */
abstract class TermParser extends ParserBase {

  TermParser(String file, List<Token> tokens) {
    super(file, tokens);
  }

  /** Bodies are parsed by the layer above (comprehensions need them). */
  abstract List<Literal> parseBracedBody(TokenKind close);

  /** A full infix term. {@code noBar}: stop before {@code |} (comprehension heads). */
  Term parseTerm(boolean noBar) {
    enter();
    try {
      return parseIn(noBar);
    } finally {
      leave();
    }
  }

  Term parseTerm() {
    return parseTerm(false);
  }

  private Term parseIn(boolean noBar) {
    Term lhs = parseRelation(noBar);
    while (atIdent("in") && !peek().newlineBefore()) {
      Token op = next();
      Term rhs = parseRelation(noBar);
      lhs = call("internal.member_2", loc(op), lhs, rhs);
    }
    return lhs;
  }

  /** A term at the comparison level (stops before {@code in}). */
  Term parseRelationLevel() {
    enter();
    try {
      return parseRelation(false);
    } finally {
      leave();
    }
  }

  private Term parseRelation(boolean noBar) {
    Term lhs = parseOr(noBar);
    while (!peek().newlineBefore()) {
      String op =
          switch (peek().kind()) {
            case EQ -> "equal";
            case NEQ -> "neq";
            case LT -> "lt";
            case LTE -> "lte";
            case GT -> "gt";
            case GTE -> "gte";
            default -> null;
          };
      if (op == null) {
        return lhs;
      }
      Token t = next();
      lhs = call(op, loc(t), lhs, parseOr(noBar));
    }
    return lhs;
  }

  private Term parseOr(boolean noBar) {
    Term lhs = parseAnd();
    while (!noBar && at(TokenKind.BAR) && !peek().newlineBefore()) {
      Token t = next();
      lhs = call("or", loc(t), lhs, parseAnd());
    }
    return lhs;
  }

  private Term parseAnd() {
    Term lhs = parseArith();
    while (at(TokenKind.AMP) && !peek().newlineBefore()) {
      Token t = next();
      lhs = call("and", loc(t), lhs, parseArith());
    }
    return lhs;
  }

  private Term parseArith() {
    Term lhs = parseFactor();
    while ((at(TokenKind.PLUS) || at(TokenKind.MINUS)) && !peek().newlineBefore()) {
      Token t = next();
      String op = t.is(TokenKind.PLUS) ? "plus" : "minus";
      lhs = call(op, loc(t), lhs, parseFactor());
    }
    return lhs;
  }

  private Term parseFactor() {
    Term lhs = parseUnary();
    while ((at(TokenKind.STAR) || at(TokenKind.SLASH) || at(TokenKind.PERCENT))
        && !peek().newlineBefore()) {
      Token t = next();
      String op = t.is(TokenKind.STAR) ? "mul" : t.is(TokenKind.SLASH) ? "div" : "rem";
      lhs = call(op, loc(t), lhs, parseUnary());
    }
    return lhs;
  }

  private Term parseUnary() {
    if (at(TokenKind.MINUS)) {
      Token minus = next();
      if (at(TokenKind.NUMBER) && peek().offset() == minus.offset() + 1) {
        Token n = next();
        Term num = parsePostfix(new Term.Scalar(number("-" + n.text(), n), loc(minus)));
        return num;
      }
      Term operand = parseUnary();
      return call("minus", loc(minus), new Term.Scalar(NumberValue.ZERO, loc(minus)), operand);
    }
    return parsePostfix(parsePrimary());
  }

  static Term.Call call(String name, Location l, Term... args) {
    return new Term.Call(name, List.of(args), l, null);
  }

  private NumberValue number(String text, Token t) {
    try {
      return NumberValue.parse(text);
    } catch (NumberFormatException | ArithmeticException e) {
      throw error(t, "invalid number " + text);
    }
  }

  private Term parsePrimary() {
    Token t = peek();
    Location l = loc(t);
    switch (t.kind()) {
      case NUMBER:
        next();
        return new Term.Scalar(number(t.text(), t), l);
      case STRING:
      case RAW_STRING:
        next();
        return new Term.Scalar(StringValue.of(t.text()), l);
      case TEMPLATE:
        next();
        return new TemplateParser(this, t).parse();
      case LBRACK:
        return parseArray();
      case LBRACE:
        return parseBraced();
      case LPAREN:
        {
          next();
          Term inner = parseTerm();
          if (at(TokenKind.COMMA)) {
            // (k, v in coll)
            next();
            Term value = parseTerm();
            if (!(value instanceof Term.Call c && c.name().equals("internal.member_2"))) {
              throw unexpected("in");
            }
            inner = call("internal.member_3", c.loc(), inner, c.args().get(0), c.args().get(1));
          }
          expect(TokenKind.RPAREN, ")");
          return inner;
        }
      case IDENT:
        {
          String w = t.text();
          switch (keywordAsName() ? "" : w) {
            case "true":
              next();
              return new Term.Scalar(BooleanValue.TRUE, l);
            case "false":
              next();
              return new Term.Scalar(BooleanValue.FALSE, l);
            case "null":
              next();
              return new Term.Scalar(NullValue.INSTANCE, l);
            default:
              break;
          }
          if (KEYWORDS.contains(w)
              && !w.equals("in")
              && !w.equals("contains")
              && !w.equals("if")
              && !keywordAsName()) {
            throw unexpected("term");
          }
          if (w.equals("set") && peek(1).is(TokenKind.LPAREN) && peek(2).is(TokenKind.RPAREN)) {
            next();
            next();
            next();
            return new Term.SetTerm(List.of(), l);
          }
          next();
          return w.equals("_") ? wildcard(l) : new Term.Var(w, -1, l);
        }
      default:
        throw unexpected("term");
    }
  }

  /** {@code .x}, {@code [t]} and {@code (args)} after a primary. */
  private Term parsePostfix(Term base) {
    Term cur = base;
    List<Term> path = new ArrayList<>();
    while (true) {
      Token t = peek();
      if (t.is(TokenKind.DOT) && !t.newlineBefore()) {
        next();
        Token id = peek();
        if (!id.is(TokenKind.IDENT)) {
          throw unexpected("ident");
        }
        next();
        path.add(new Term.Scalar(StringValue.of(id.text()), loc(id)));
      } else if (t.is(TokenKind.LBRACK) && !t.newlineBefore() && isAdjacent(t)) {
        next();
        path.add(parseTerm());
        expect(TokenKind.RBRACK, "]");
      } else if (t.is(TokenKind.LPAREN) && !t.newlineBefore() && isAdjacent(t)) {
        String name = callName(cur, path);
        if (name == null) {
          throw error(t, "illegal call");
        }
        next();
        List<Term> args = new ArrayList<>();
        if (!at(TokenKind.RPAREN)) {
          do {
            if (at(TokenKind.RPAREN)) {
              break; // trailing comma
            }
            args.add(parseTerm());
          } while (accept(TokenKind.COMMA));
        }
        expect(TokenKind.RPAREN, ")");
        cur = new Term.Call(name, args, cur.loc(), null);
        path = new ArrayList<>();
      } else {
        break;
      }
    }
    if (path.isEmpty()) {
      return cur;
    }
    return new Term.Ref(cur, path, cur.loc());
  }

  /** {@code [} and {@code (} start a ref/call only right after the previous token. */
  private boolean isAdjacent(Token t) {
    Token prev = tokens.get(pos - 1);
    int prevEnd = prev.offset() + sourceLength(prev);
    return prevEnd == t.offset();
  }

  private static int sourceLength(Token t) {
    return switch (t.kind()) {
      case STRING, RAW_STRING, TEMPLATE -> -1; // never adjacent-checked after a string
      default -> t.text().length();
    };
  }

  /** The dotted name of a call target ({@code a.b.c}), or null if not a plain name. */
  private static String callName(Term head, List<Term> path) {
    if (!(head instanceof Term.Var v)) {
      return null;
    }
    StringBuilder sb = new StringBuilder(v.name());
    for (Term p : path) {
      if (p instanceof Term.Scalar s && s.value() instanceof StringValue str) {
        sb.append('.').append(str.value());
      } else {
        return null;
      }
    }
    return sb.toString();
  }

  private Term parseArray() {
    Token open = next();
    enter();
    try {
      List<Term> items = new ArrayList<>();
      if (accept(TokenKind.RBRACK)) {
        return new Term.ArrayTerm(items, loc(open));
      }
      Term first = parseTerm(true);
      if (accept(TokenKind.BAR)) {
        List<Literal> body = parseBracedBody(TokenKind.RBRACK);
        return new Term.ArrayCompr(first, body, loc(open));
      }
      items.add(first);
      while (accept(TokenKind.COMMA)) {
        if (at(TokenKind.RBRACK)) {
          break;
        }
        items.add(parseTerm());
      }
      expect(TokenKind.RBRACK, "]");
      return new Term.ArrayTerm(items, loc(open));
    } finally {
      leave();
    }
  }

  private Term parseBraced() {
    Token open = next();
    enter();
    try {
      if (accept(TokenKind.RBRACE)) {
        return new Term.ObjectTerm(List.of(), List.of(), loc(open));
      }
      Term first = parseTerm(true);
      if (accept(TokenKind.COLON)) {
        Term firstValue = parseTerm(true);
        if (accept(TokenKind.BAR)) {
          List<Literal> body = parseBracedBody(TokenKind.RBRACE);
          return new Term.ObjectCompr(first, firstValue, body, loc(open));
        }
        List<Term> keys = new ArrayList<>();
        List<Term> values = new ArrayList<>();
        keys.add(first);
        values.add(firstValue);
        while (accept(TokenKind.COMMA)) {
          if (at(TokenKind.RBRACE)) {
            break;
          }
          keys.add(parseTerm());
          expect(TokenKind.COLON, ":");
          values.add(parseTerm());
        }
        expect(TokenKind.RBRACE, "}");
        return new Term.ObjectTerm(keys, values, loc(open));
      }
      if (accept(TokenKind.BAR)) {
        List<Literal> body = parseBracedBody(TokenKind.RBRACE);
        return new Term.SetCompr(first, body, loc(open));
      }
      List<Term> items = new ArrayList<>();
      items.add(first);
      while (accept(TokenKind.COMMA)) {
        if (at(TokenKind.RBRACE)) {
          break;
        }
        items.add(parseTerm());
      }
      expect(TokenKind.RBRACE, "}");
      return new Term.SetTerm(items, loc(open));
    } finally {
      leave();
    }
  }
}
