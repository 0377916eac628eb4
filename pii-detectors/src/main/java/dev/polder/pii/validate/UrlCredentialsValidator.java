package dev.polder.pii.validate;

/**
 * A URL carrying credentials: {@code scheme://user:password@host[:port][/path]} with a scheme of
 * letters, digits, '+', '.' or '-', a non-empty user and password, and a non-empty host.
 */
public final class UrlCredentialsValidator implements Validator {

  @Override
  public String name() {
    return "url-credentials";
  }

  @Override
  public boolean isValid(String candidate) {
    int schemeEnd = candidate.indexOf("://");
    if (schemeEnd <= 0) {
      return false;
    }
    for (int i = 0; i < schemeEnd; i++) {
      char c = candidate.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '+' || c == '.' || c == '-')) {
        return false;
      }
    }
    String rest = candidate.substring(schemeEnd + 3);
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    int at = authority.lastIndexOf('@');
    if (at < 0) {
      return false;
    }
    String userInfo = authority.substring(0, at);
    String host = authority.substring(at + 1);
    int colon = userInfo.indexOf(':');
    return colon > 0 && colon < userInfo.length() - 1 && !host.isEmpty() && !host.startsWith(":");
  }
}
