package dev.polder.pii.validate;

/**
 * E-mail addresses as people write them (RFC 5321 dot-atom): local part up to 64 characters without
 * leading, trailing or doubled dots; a domain of at least two labels, each 1-63 letters, digits or
 * inner hyphens; an alphabetic top-level domain of two or more letters.
 */
public final class EmailValidator implements Validator {

  private static final String LOCAL_SPECIALS = "!#$%&'*+/=?^_`{|}~.-";

  @Override
  public String name() {
    return "email";
  }

  @Override
  public boolean isValid(String candidate) {
    int at = candidate.lastIndexOf('@');
    if (at <= 0 || at == candidate.length() - 1 || candidate.length() > 254) {
      return false;
    }
    return isLocalPart(candidate.substring(0, at)) && isDomain(candidate.substring(at + 1));
  }

  private static boolean isLocalPart(String local) {
    if (local.length() > 64 || local.startsWith(".") || local.endsWith(".")) {
      return false;
    }
    if (local.contains("..")) {
      return false;
    }
    for (int i = 0; i < local.length(); i++) {
      char c = local.charAt(i);
      if (!Character.isLetterOrDigit(c) && LOCAL_SPECIALS.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDomain(String domain) {
    String[] labels = domain.split("\\.", -1);
    if (labels.length < 2) {
      return false;
    }
    for (String label : labels) {
      if (label.isEmpty() || label.length() > 63) {
        return false;
      }
      if (label.startsWith("-") || label.endsWith("-")) {
        return false;
      }
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        if (!Character.isLetterOrDigit(c) && c != '-') {
          return false;
        }
      }
    }
    String tld = labels[labels.length - 1];
    return tld.length() >= 2 && tld.chars().allMatch(Character::isLetter);
  }
}
