package dev.polder.pii.evaluation;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Values with valid checksums and realistic formats, drawn from one seeded {@link Random} so the
 * evaluation set is the same on every run.
 */
final class SyntheticValues {

  static final String UPPER_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  static final String BASE64 = ALNUM + "+/";

  private final Random random;
  private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

  SyntheticValues(Random random) {
    this.random = random;
  }

  <T> T pick(List<T> options) {
    return options.get(random.nextInt(options.size()));
  }

  String chars(String alphabet, int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  String digits(int n) {
    return chars("0123456789", n);
  }

  static int luhnCheckDigit(String payload) {
    int sum = 0;
    boolean doubleIt = true;
    for (int i = payload.length() - 1; i >= 0; i--) {
      int d = payload.charAt(i) - '0';
      if (doubleIt) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubleIt = !doubleIt;
    }
    return (10 - sum % 10) % 10;
  }

  String creditCard() {
    String prefix = pick(List.of("4", "51", "52", "55", "2221", "6011", "34", "37"));
    int length = prefix.startsWith("3") ? 15 : 16;
    String payload = prefix + digits(length - 1 - prefix.length());
    String number = payload + luhnCheckDigit(payload);
    if (length == 15) {
      String sep = pick(List.of(" ", "-", ""));
      return number.substring(0, 4) + sep + number.substring(4, 10) + sep + number.substring(10);
    }
    String sep = pick(List.of(" ", "-", "", " "));
    return String.join(
        sep,
        number.substring(0, 4),
        number.substring(4, 8),
        number.substring(8, 12),
        number.substring(12));
  }

  /** 16 digits that fail Luhn: a hard negative. */
  String luhnFailing16() {
    String payload = "4" + digits(14);
    int wrong = (luhnCheckDigit(payload) + 1 + random.nextInt(9)) % 10;
    return payload + wrong;
  }

  String iban() {
    String country = pick(List.of("NL", "DE", "GB", "FR", "BE", "ES", "IT", "CH", "AT", "PL"));
    int length =
        switch (country) {
          case "NL" -> 18;
          case "DE", "GB" -> 22;
          case "FR", "IT" -> 27;
          case "BE" -> 16;
          case "ES", "PL" -> country.equals("ES") ? 24 : 28;
          case "CH" -> 21;
          default -> 20;
        };
    String bban =
        switch (country) {
          case "NL" -> chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 4) + digits(10);
          case "GB" -> chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 4) + digits(14);
          default -> digits(length - 4);
        };
    String rearranged = bban + country + "00";
    int check = 98 - mod97(rearranged);
    String iban = country + String.format(Locale.ROOT, "%02d", check) + bban;
    if (random.nextBoolean()) {
      return iban;
    }
    StringBuilder grouped = new StringBuilder();
    for (int i = 0; i < iban.length(); i += 4) {
      if (i > 0) {
        grouped.append(' ');
      }
      grouped.append(iban, i, Math.min(iban.length(), i + 4));
    }
    return grouped.toString();
  }

  static int mod97(String s) {
    int r = 0;
    for (char c : s.toCharArray()) {
      r = Character.isDigit(c) ? (r * 10 + (c - '0')) % 97 : (r * 100 + (c - 'A' + 10)) % 97;
    }
    return r;
  }

  String ssn() {
    int area;
    do {
      area = 1 + random.nextInt(899);
    } while (area == 666);
    return String.format(
        Locale.ROOT, "%03d-%02d-%04d", area, 1 + random.nextInt(99), 1 + random.nextInt(9999));
  }

  String nhs() {
    while (true) {
      String nine = (1 + random.nextInt(9)) + digits(8);
      int sum = 0;
      for (int i = 0; i < 9; i++) {
        sum += (nine.charAt(i) - '0') * (10 - i);
      }
      int check = 11 - sum % 11;
      if (check == 11) {
        check = 0;
      }
      if (check != 10) {
        String n = nine + check;
        return random.nextBoolean()
            ? n.substring(0, 3) + " " + n.substring(3, 6) + " " + n.substring(6)
            : n;
      }
    }
  }

  String aba() {
    while (true) {
      String prefix =
          String.format(
              Locale.ROOT,
              "%02d",
              pick(
                  List.of(
                      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 21, 22, 26, 31, 32, 61, 63, 67, 71)));
      String body = prefix + digits(6);
      int[] w = {3, 7, 1};
      int sum = 0;
      for (int i = 0; i < 8; i++) {
        sum += (body.charAt(i) - '0') * w[i % 3];
      }
      int check = (10 - sum % 10) % 10;
      return body + check;
    }
  }

  String ipv4() {
    return random.nextBoolean()
        ? pick(List.of("10." + random.nextInt(256), "192.168", "172.16"))
            + "."
            + random.nextInt(256)
            + "."
            + (1 + random.nextInt(254))
        : (11 + random.nextInt(180))
            + "."
            + random.nextInt(256)
            + "."
            + random.nextInt(256)
            + "."
            + (1 + random.nextInt(254));
  }

  String ipv6() {
    return "2001:db8:"
        + Integer.toHexString(random.nextInt(0xffff))
        + "::"
        + Integer.toHexString(1 + random.nextInt(0xffff));
  }

  /** A valid number of a region, in international or national notation. */
  String phone(String region, boolean international) {
    PhoneNumber example =
        phones.getExampleNumberForType(
            region,
            random.nextBoolean()
                ? PhoneNumberUtil.PhoneNumberType.MOBILE
                : PhoneNumberUtil.PhoneNumberType.FIXED_LINE);
    for (int attempt = 0; attempt < 50; attempt++) {
      String national = String.valueOf(example.getNationalNumber());
      int keep = Math.max(3, national.length() - 4);
      String candidate = national.substring(0, keep) + digits(national.length() - keep);
      PhoneNumber n =
          new PhoneNumber()
              .setCountryCode(example.getCountryCode())
              .setNationalNumber(Long.parseLong(candidate));
      if (phones.isValidNumber(n)) {
        return phones.format(
            n, international ? PhoneNumberFormat.INTERNATIONAL : PhoneNumberFormat.NATIONAL);
      }
    }
    return phones.format(
        example, international ? PhoneNumberFormat.INTERNATIONAL : PhoneNumberFormat.NATIONAL);
  }

  String dateOfBirth(LocalDate date) {
    DateTimeFormatter f =
        pick(
            List.of(
                DateTimeFormatter.ofPattern("dd/MM/yyyy"),
                DateTimeFormatter.ofPattern("yyyy-MM-dd"),
                DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH),
                DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH),
                DateTimeFormatter.ofPattern("dd.MM.yyyy")));
    return date.format(f);
  }

  String passport() {
    return random.nextBoolean()
        ? chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 1) + digits(7)
        : chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 2) + digits(7);
  }

  String mrn() {
    return digits(7 + random.nextInt(2));
  }

  String awsAccessKey() {
    return "AKIA" + chars(UPPER_DIGITS, 16);
  }

  String awsSecret() {
    return chars(BASE64, 40);
  }

  String githubToken() {
    return "ghp_" + chars(ALNUM, 36);
  }

  String gitlabToken() {
    return "glpat-" + chars(ALNUM + "_-", 20);
  }

  String slackToken() {
    return "xoxb-" + digits(11) + "-" + digits(12) + "-" + chars(ALNUM, 24);
  }

  String jwt() {
    Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
    String header =
        enc.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String payload =
        enc.encodeToString(
            ("{\"sub\":\""
                    + digits(8)
                    + "\",\"iat\":"
                    + (1700000000 + random.nextInt(10000000))
                    + "}")
                .getBytes(StandardCharsets.UTF_8));
    return header + "." + payload + "." + chars(ALNUM + "-_", 43);
  }

  String privateKey() {
    String type = pick(List.of("RSA ", "EC ", "", "OPENSSH "));
    StringBuilder sb = new StringBuilder("-----BEGIN " + type + "PRIVATE KEY-----\n");
    for (int i = 0; i < 4 + random.nextInt(4); i++) {
      sb.append(chars(BASE64, 64)).append('\n');
    }
    return sb.append("-----END ").append(type).append("PRIVATE KEY-----").toString();
  }

  String connectionUrl(String user) {
    String scheme = pick(List.of("postgres", "postgresql", "mysql", "mongodb", "redis", "amqp"));
    String host = pick(List.of("db.internal", "10.0.4.12", "mq.prod.local", "cache-1"));
    return scheme
        + "://"
        + user
        + ":"
        + chars(ALNUM, 12)
        + "@"
        + host
        + ":"
        + pick(List.of("5432", "3306", "27017", "6379", "5672"))
        + "/"
        + pick(List.of("orders", "hr", "billing", "app"));
  }

  String genericSecret() {
    return chars("0123456789abcdef", 32);
  }
}
