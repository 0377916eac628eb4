package dev.polder.pii.validate;

import java.util.Set;

/**
 * US Social Security numbers: area 001-899 except 666, group 01-99, serial 0001-9999, consistent
 * separators, and not one of the numbers published in advertising or examples.
 */
public final class UsSsnValidator implements Validator {

  private static final Set<String> PUBLISHED = Set.of("078051120", "219099999", "123456789");

  @Override
  public String name() {
    return "us-ssn";
  }

  @Override
  public boolean isValid(String candidate) {
    String digits = Validator.digitsOf(candidate);
    if (digits.length() != 9 || !separatorsConsistent(candidate)) {
      return false;
    }
    int area = Integer.parseInt(digits.substring(0, 3));
    int group = Integer.parseInt(digits.substring(3, 5));
    int serial = Integer.parseInt(digits.substring(5));
    if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) {
      return false;
    }
    return !PUBLISHED.contains(digits) && digits.chars().distinct().count() > 1;
  }

  /** "123-45-6789", "123 45 6789" or "123456789"; not "123-45 6789". */
  private static boolean separatorsConsistent(String candidate) {
    if (candidate.length() == 9) {
      return true;
    }
    return candidate.length() == 11 && candidate.charAt(3) == candidate.charAt(6);
  }
}
