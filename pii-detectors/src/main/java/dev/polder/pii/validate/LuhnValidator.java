package dev.polder.pii.validate;

/** Payment card numbers: 12 to 19 digits passing the Luhn checksum, not all one digit. */
public final class LuhnValidator implements Validator {

  @Override
  public String name() {
    return "luhn";
  }

  @Override
  public boolean isValid(String candidate) {
    String digits = Validator.digitsOf(candidate);
    if (digits.length() < 12 || digits.length() > 19 || digits.chars().distinct().count() == 1) {
      return false;
    }
    return luhnChecksumHolds(digits);
  }

  static boolean luhnChecksumHolds(String digits) {
    int sum = 0;
    boolean doubleIt = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (doubleIt) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubleIt = !doubleIt;
    }
    return sum % 10 == 0;
  }
}
