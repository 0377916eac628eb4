package dev.polder.pii.validate;

/** UK NHS numbers: ten digits, weights 10..2 on the first nine, mod-11 check digit (10 invalid). */
public final class UkNhsValidator implements Validator {

  @Override
  public String name() {
    return "uk-nhs";
  }

  @Override
  public boolean isValid(String candidate) {
    String d = Validator.digitsOf(candidate);
    if (d.length() != 10 || d.chars().distinct().count() == 1) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (d.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - (sum % 11);
    if (check == 11) {
      check = 0;
    }
    return check != 10 && check == d.charAt(9) - '0';
  }
}
