package dev.polder.pii.validate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The validators a registry entry can name in {@code validator:}. */
public final class Validators {

  private static final Map<String, Validator> BUILT_IN = new LinkedHashMap<>();

  static {
    for (Validator v :
        new Validator[] {
          new LuhnValidator(),
          new IbanValidator(),
          new UsSsnValidator(),
          new AbaRoutingValidator(),
          new IpAddressValidator(),
          new EmailValidator(),
          new UkNhsValidator(),
          new DateValidator(),
          new EntropyValidator(),
          new JwtValidator(),
          new UrlCredentialsValidator()
        }) {
      BUILT_IN.put(v.name(), v);
    }
  }

  private Validators() {}

  public static Optional<Validator> byName(String name) {
    return Optional.ofNullable(BUILT_IN.get(name));
  }

  public static Set<String> names() {
    return BUILT_IN.keySet();
  }
}
