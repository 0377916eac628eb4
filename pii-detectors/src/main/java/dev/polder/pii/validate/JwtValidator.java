package dev.polder.pii.validate;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** JSON Web Tokens: three base64url segments whose header decodes to JSON naming an "alg". */
public final class JwtValidator implements Validator {

  @Override
  public String name() {
    return "jwt";
  }

  @Override
  public boolean isValid(String candidate) {
    String[] parts = candidate.split("\\.", -1);
    if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
      return false;
    }
    try {
      String header =
          new String(Base64.getUrlDecoder().decode(stripPadding(parts[0])), StandardCharsets.UTF_8);
      String payload =
          new String(Base64.getUrlDecoder().decode(stripPadding(parts[1])), StandardCharsets.UTF_8);
      return header.trim().startsWith("{")
          && header.contains("\"alg\"")
          && payload.trim().startsWith("{");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String stripPadding(String segment) {
    int end = segment.length();
    while (end > 0 && segment.charAt(end - 1) == '=') {
      end--;
    }
    return segment.substring(0, end);
  }
}
