package dev.polder.pii.validate;

/**
 * ABA routing transit numbers: nine digits, a Federal Reserve prefix (00-12, 21-32, 61-72, 80) and
 * the 3-7-1 weighted checksum.
 */
public final class AbaRoutingValidator implements Validator {

  @Override
  public String name() {
    return "aba-routing";
  }

  @Override
  public boolean isValid(String candidate) {
    String d = Validator.digitsOf(candidate);
    if (d.length() != 9 || d.chars().distinct().count() == 1) {
      return false;
    }
    int prefix = Integer.parseInt(d.substring(0, 2));
    boolean knownPrefix =
        prefix <= 12
            || (prefix >= 21 && prefix <= 32)
            || (prefix >= 61 && prefix <= 72)
            || prefix == 80;
    if (!knownPrefix) {
      return false;
    }
    int sum = 0;
    int[] weights = {3, 7, 1};
    for (int i = 0; i < 9; i++) {
      sum += (d.charAt(i) - '0') * weights[i % 3];
    }
    return sum % 10 == 0;
  }
}
