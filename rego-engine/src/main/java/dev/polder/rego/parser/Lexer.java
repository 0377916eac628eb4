package dev.polder.rego.parser;

import dev.polder.rego.ast.Location;
import java.util.ArrayList;
import java.util.List;

/** Splits Rego source into tokens and keeps comments (for METADATA annotations). */
final class Lexer {
  /** A {@code #} comment: its text after the hash, and where it starts. */
  record Comment(String text, int line, int col) {}

  private final String src;
  private final String file;
  private int pos;
  private int line = 1;
  private int lineStart;
  private final List<Token> tokens = new ArrayList<>();
  private final List<Comment> comments = new ArrayList<>();

  Lexer(String file, String src) {
    this.file = file;
    this.src = src;
  }

  List<Token> tokens() {
    return tokens;
  }

  List<Comment> comments() {
    return comments;
  }

  Lexer run() {
    boolean newline = true;
    while (true) {
      // skip blanks and comments
      while (pos < src.length()) {
        char c = src.charAt(pos);
        if (c == '\n') {
          pos++;
          line++;
          lineStart = pos;
          newline = true;
        } else if (c == ' ' || c == '\t' || c == '\r') {
          pos++;
        } else if (c == '#') {
          int start = pos;
          int col = pos - lineStart + 1;
          while (pos < src.length() && src.charAt(pos) != '\n') {
            pos++;
          }
          comments.add(new Comment(src.substring(start + 1, pos), line, col));
        } else {
          break;
        }
      }
      int col = pos - lineStart + 1;
      if (pos >= src.length()) {
        tokens.add(new Token(TokenKind.EOF, "", line, col, pos, newline));
        return this;
      }
      int tokLine = line;
      int start = pos;
      char c = src.charAt(pos);
      TokenKind kind;
      String text;
      if (Character.isLetter(c) || c == '_') {
        while (pos < src.length()
            && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
          pos++;
        }
        kind = TokenKind.IDENT;
        text = src.substring(start, pos);
      } else if (c >= '0' && c <= '9') {
        lexNumber();
        kind = TokenKind.NUMBER;
        text = src.substring(start, pos);
      } else if (c == '"') {
        kind = TokenKind.STRING;
        text = lexString(tokLine, col);
      } else if (c == '`') {
        kind = TokenKind.RAW_STRING;
        text = lexRaw(tokLine, col);
      } else if (c == '$'
          && pos + 1 < src.length()
          && (src.charAt(pos + 1) == '"' || src.charAt(pos + 1) == '`')) {
        kind = TokenKind.TEMPLATE;
        text = lexTemplate(tokLine, col);
      } else {
        kind = punct(c);
        pos += kindLength(kind);
        text = src.substring(start, pos);
      }
      tokens.add(new Token(kind, text, tokLine, col, start, newline));
      newline = false;
    }
  }

  private TokenKind punct(char c) {
    char n = pos + 1 < src.length() ? src.charAt(pos + 1) : 0;
    switch (c) {
      case '{':
        return TokenKind.LBRACE;
      case '}':
        return TokenKind.RBRACE;
      case '[':
        return TokenKind.LBRACK;
      case ']':
        return TokenKind.RBRACK;
      case '(':
        return TokenKind.LPAREN;
      case ')':
        return TokenKind.RPAREN;
      case '.':
        return TokenKind.DOT;
      case ',':
        return TokenKind.COMMA;
      case ';':
        return TokenKind.SEMICOLON;
      case ':':
        return n == '=' ? TokenKind.ASSIGN : TokenKind.COLON;
      case '=':
        return n == '=' ? TokenKind.EQ : TokenKind.UNIFY;
      case '!':
        if (n == '=') {
          return TokenKind.NEQ;
        }
        break;
      case '<':
        return n == '=' ? TokenKind.LTE : TokenKind.LT;
      case '>':
        return n == '=' ? TokenKind.GTE : TokenKind.GT;
      case '+':
        return TokenKind.PLUS;
      case '-':
        return TokenKind.MINUS;
      case '*':
        return TokenKind.STAR;
      case '/':
        return TokenKind.SLASH;
      case '%':
        return TokenKind.PERCENT;
      case '&':
        return TokenKind.AMP;
      case '|':
        return TokenKind.BAR;
      default:
        break;
    }
    throw error(line, pos - lineStart + 1, "illegal token");
  }

  private static int kindLength(TokenKind k) {
    return switch (k) {
      case ASSIGN, EQ, NEQ, LTE, GTE -> 2;
      default -> 1;
    };
  }

  private void lexNumber() {
    while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
      pos++;
    }
    if (pos + 1 < src.length()
        && src.charAt(pos) == '.'
        && Character.isDigit(src.charAt(pos + 1))) {
      pos++;
      while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
        pos++;
      }
    }
    if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
      int save = pos;
      pos++;
      if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
        pos++;
      }
      if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
        while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
          pos++;
        }
      } else {
        pos = save;
      }
    }
  }

  private String lexString(int startLine, int startCol) {
    pos++; // opening quote
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= src.length() || src.charAt(pos) == '\n') {
        throw error(startLine, startCol, "non-terminated string");
      }
      char c = src.charAt(pos++);
      if (c == '"') {
        return sb.toString();
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (pos >= src.length()) {
        throw error(startLine, startCol, "non-terminated string");
      }
      char e = src.charAt(pos++);
      switch (e) {
        case '"' -> sb.append('"');
        case '\\' -> sb.append('\\');
        case '/' -> sb.append('/');
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          if (pos + 4 > src.length()) {
            throw error(startLine, startCol, "illegal escape sequence");
          }
          try {
            sb.append((char) Integer.parseInt(src.substring(pos, pos + 4), 16));
          } catch (NumberFormatException ex) {
            throw error(startLine, startCol, "illegal escape sequence");
          }
          pos += 4;
        }
        default -> throw error(line, pos - lineStart, "illegal escape sequence");
      }
    }
  }

  private String lexRaw(int startLine, int startCol) {
    int start = ++pos;
    while (pos < src.length() && src.charAt(pos) != '`') {
      if (src.charAt(pos) == '\n') {
        line++;
        lineStart = pos + 1;
      }
      pos++;
    }
    if (pos >= src.length()) {
      throw error(startLine, startCol, "non-terminated raw string");
    }
    return src.substring(start, pos++);
  }

  /**
   * A template string {@code $"a {x} b"}: the token text is the raw source between the quotes
   * (escapes and {@code {expr}} parts are resolved by the parser), prefixed by the quote char.
   */
  private String lexTemplate(int startLine, int startCol) {
    pos++; // $
    char quote = src.charAt(pos++);
    int start = pos;
    int depth = 0;
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '\n' && quote == '"' && depth == 0) {
        break;
      }
      if (c == '\n') {
        line++;
        lineStart = pos + 1;
      }
      if (c == '\\'
          && depth == 0
          && (quote == '"' || (pos + 1 < src.length() && src.charAt(pos + 1) == '{'))) {
        pos += 2; // an escape; in a raw template only \{ (a literal brace)
        continue;
      }
      if (c == '{') {
        depth++;
      } else if (c == '}' && depth > 0) {
        depth--;
      } else if (c == '"' && depth > 0) {
        // a string inside an expression part: skip it whole
        pos++;
        while (pos < src.length() && src.charAt(pos) != '"') {
          pos += src.charAt(pos) == '\\' ? 2 : 1;
        }
      } else if (c == quote && depth == 0) {
        return quote + src.substring(start, pos++);
      }
      pos++;
    }
    throw error(startLine, startCol, "non-terminated string");
  }

  private RegoParseException error(int l, int c, String msg) {
    return new RegoParseException(new Location(file, l, c), msg);
  }
}
