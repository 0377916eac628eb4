package dev.polder.rego.builtins.graphql;

import java.util.ArrayList;
import java.util.List;

/** Splits a GraphQL document into tokens, naming them the way gqlparser's errors do. */
final class Lexer {

  enum Kind {
    NAME,
    INT,
    FLOAT,
    STRING,
    BLOCK_STRING,
    PUNCT,
    EOF,
    INVALID
  }

  record Token(Kind kind, String value, int line, int column) {
    /** gqlparser's rendering in "Expected X, found Y" messages. */
    String describe() {
      return switch (kind) {
        case NAME -> "Name \"" + value + "\"";
        case INT -> "Int \"" + value + "\"";
        case FLOAT -> "Float \"" + value + "\"";
        case STRING, BLOCK_STRING -> "String \"" + value + "\"";
        case PUNCT -> value;
        case EOF -> "<EOF>";
        case INVALID -> "<Invalid>";
      };
    }

    boolean is(String punct) {
      return kind == Kind.PUNCT && value.equals(punct);
    }

    boolean isName(String name) {
      return kind == Kind.NAME && value.equals(name);
    }
  }

  private final String src;
  private int pos;
  private int line = 1;
  private int lineStart;

  private Lexer(String src) {
    this.src = src;
  }

  static List<Token> tokenize(String src) {
    Lexer l = new Lexer(src);
    List<Token> out = new ArrayList<>();
    while (true) {
      Token t = l.next();
      out.add(t);
      if (t.kind() == Kind.EOF || t.kind() == Kind.INVALID) {
        return out;
      }
    }
  }

  private Token next() {
    skipIgnored();
    int col = pos - lineStart + 1;
    if (pos >= src.length()) {
      return new Token(Kind.EOF, "", line, col);
    }
    char c = src.charAt(pos);
    if (src.startsWith("...", pos)) {
      pos += 3;
      return new Token(Kind.PUNCT, "...", line, col);
    }
    if ("!$&()[]{}:=@|".indexOf(c) >= 0) {
      pos++;
      return new Token(Kind.PUNCT, String.valueOf(c), line, col);
    }
    if (c == '_' || Character.isLetter(c) && c < 128) {
      int start = pos;
      while (pos < src.length() && isNameChar(src.charAt(pos))) {
        pos++;
      }
      return new Token(Kind.NAME, src.substring(start, pos), line, col);
    }
    if (c == '-' || c >= '0' && c <= '9') {
      return number(col);
    }
    if (src.startsWith("\"\"\"", pos)) {
      return blockString(col);
    }
    if (c == '"') {
      return string(col);
    }
    return new Token(Kind.INVALID, String.valueOf(c), line, col);
  }

  private static boolean isNameChar(char c) {
    return c == '_' || c < 128 && Character.isLetterOrDigit(c);
  }

  private void skipIgnored() {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '\n') {
        pos++;
        line++;
        lineStart = pos;
      } else if (c == '\r') {
        pos++;
        if (pos < src.length() && src.charAt(pos) == '\n') {
          pos++;
        }
        line++;
        lineStart = pos;
      } else if (c == ' ' || c == '\t' || c == ',' || c == '\uFEFF') {
        pos++;
      } else if (c == '#') {
        while (pos < src.length() && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') {
          pos++;
        }
      } else {
        return;
      }
    }
  }

  private Token number(int col) {
    int start = pos;
    boolean isFloat = false;
    if (src.charAt(pos) == '-') {
      pos++;
    }
    digits();
    if (pos < src.length() && src.charAt(pos) == '.') {
      isFloat = true;
      pos++;
      digits();
    }
    if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
      isFloat = true;
      pos++;
      if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
        pos++;
      }
      digits();
    }
    return new Token(isFloat ? Kind.FLOAT : Kind.INT, src.substring(start, pos), line, col);
  }

  private void digits() {
    while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
      pos++;
    }
  }

  private Token string(int col) {
    int startLine = line;
    StringBuilder sb = new StringBuilder();
    pos++;
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '"') {
        pos++;
        return new Token(Kind.STRING, sb.toString(), startLine, col + 1);
      }
      if (c == '\n' || c == '\r') {
        break;
      }
      if (c == '\\' && pos + 1 < src.length()) {
        char e = src.charAt(pos + 1);
        pos += 2;
        switch (e) {
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'r' -> sb.append('\r');
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'u' -> {
            if (pos + 4 > src.length()) {
              return new Token(Kind.INVALID, "", startLine, col);
            }
            sb.append((char) Integer.parseInt(src.substring(pos, pos + 4), 16));
            pos += 4;
          }
          default -> sb.append(e);
        }
        continue;
      }
      sb.append(c);
      pos++;
    }
    return new Token(Kind.INVALID, "", startLine, col);
  }

  private Token blockString(int col) {
    int startLine = line;
    int end = src.indexOf("\"\"\"", pos + 3);
    while (end > 0 && src.charAt(end - 1) == '\\') {
      end = src.indexOf("\"\"\"", end + 3);
    }
    if (end < 0) {
      // gqlparser reports an unterminated block string where the input ends.
      for (int i = pos; i < src.length(); i++) {
        char c = src.charAt(i);
        if (c == '\n' || c == '\r' && (i + 1 >= src.length() || src.charAt(i + 1) != '\n')) {
          line++;
          lineStart = i + 1;
        }
      }
      pos = src.length();
      return new Token(Kind.INVALID, "", line, pos - lineStart + 1);
    }
    String raw = src.substring(pos + 3, end).replace("\\\"\"\"", "\"\"\"");
    for (int i = pos; i < end; i++) {
      if (src.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    pos = end + 3;
    return new Token(Kind.BLOCK_STRING, dedent(raw), startLine, col + 3);
  }

  /** The GraphQL spec's BlockStringValue: common indentation and blank edge lines removed. */
  private static String dedent(String raw) {
    String[] lines = raw.split("\r\n|\n|\r", -1);
    int common = Integer.MAX_VALUE;
    for (int i = 1; i < lines.length; i++) {
      String l = lines[i];
      int indent = 0;
      while (indent < l.length() && (l.charAt(indent) == ' ' || l.charAt(indent) == '\t')) {
        indent++;
      }
      if (indent < l.length()) {
        common = Math.min(common, indent);
      }
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      out.add(
          i > 0 && common != Integer.MAX_VALUE && lines[i].length() >= common
              ? lines[i].substring(common)
              : lines[i]);
    }
    while (!out.isEmpty() && out.get(0).isBlank()) {
      out.remove(0);
    }
    while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) {
      out.remove(out.size() - 1);
    }
    return String.join("\n", out);
  }
}
