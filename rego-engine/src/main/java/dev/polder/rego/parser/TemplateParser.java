package dev.polder.rego.parser;

import dev.polder.rego.ast.Location;
import dev.polder.rego.ast.Term;
import dev.polder.rego.value.StringValue;
import java.util.ArrayList;
import java.util.List;

/** Splits a template string {@code $"a {x} b"} into constant and expression parts. */
final class TemplateParser {
  private final ParserBase owner;
  private final Token token;

  TemplateParser(ParserBase owner, Token token) {
    this.owner = owner;
    this.token = token;
  }

  Term parse() {
    String raw = token.text();
    boolean escapes = raw.charAt(0) == '"';
    String s = raw.substring(1);
    List<Term> parts = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    Location l = owner.loc(token);
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (!escapes && c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
        lit.append('{');
        i += 2;
        continue;
      }
      if (escapes && c == '\\' && i + 1 < s.length()) {
        char e = s.charAt(i + 1);
        i += 2;
        switch (e) {
          case '{' -> lit.append('{');
          case '"' -> lit.append('"');
          case '\\' -> lit.append('\\');
          case '/' -> lit.append('/');
          case 'b' -> lit.append('\b');
          case 'f' -> lit.append('\f');
          case 'n' -> lit.append('\n');
          case 'r' -> lit.append('\r');
          case 't' -> lit.append('\t');
          case 'u' -> {
            lit.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            i += 4;
          }
          default -> throw owner.error(token, "illegal escape sequence in template string");
        }
        continue;
      }
      if (c == '{') {
        int end = matchingBrace(s, i);
        if (lit.length() > 0) {
          parts.add(new Term.Scalar(StringValue.of(lit.toString()), l));
          lit.setLength(0);
        }
        String expr = s.substring(i + 1, end);
        parts.add(RegoParser.parseTemplateExpression(owner.file, expr, l));
        i = end + 1;
        continue;
      }
      lit.append(c);
      i++;
    }
    if (lit.length() > 0 || parts.isEmpty()) {
      parts.add(new Term.Scalar(StringValue.of(lit.toString()), l));
    }
    return new Term.Template(parts, l);
  }

  private int matchingBrace(String s, int open) {
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        i++;
        while (i < s.length() && s.charAt(i) != '"') {
          i += s.charAt(i) == '\\' ? 2 : 1;
        }
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    throw owner.error(token, "unterminated template expression");
  }
}
