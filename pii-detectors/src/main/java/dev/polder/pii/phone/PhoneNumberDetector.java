package dev.polder.pii.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.polder.pii.detect.DetectionContext;
import dev.polder.pii.detect.Detector;
import dev.polder.pii.detect.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers validated by libphonenumber: international numbers of every country, national
 * numbers of the configured regions. International notation is strong evidence by itself; a
 * national number needs a context word ("phone", "call", ...) to pass the default threshold, since
 * order and ticket numbers often parse as valid national numbers.
 */
public final class PhoneNumberDetector implements Detector {

  static final double INTERNATIONAL_SCORE = 0.75;
  static final double PARENTHESISED_SCORE = 0.6;
  static final double NATIONAL_SCORE = 0.4;

  /**
   * Phone-shaped runs: optional + or 00, an optional area code in parentheses, digit groups joined
   * by exactly one separator (space, dot, hyphen, slash), so no run can be split two ways. Only a
   * cheap pre-filter: PhoneNumberUtil.findNumbers costs milliseconds per text, parse +
   * isValidNumber on these few candidates microseconds.
   */
  /**
   * Dates, dotted quads and version-like runs: parsing them would cost a libphonenumber call per
   * configured region for nothing.
   */
  static final Pattern NOT_A_PHONE =
      Pattern.compile(
          "\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{4}"
              + "|\\d{1,3}(?:\\.\\d{1,3}){2,}");

  static final Pattern CANDIDATE =
      Pattern.compile(
          "(?<![\\w+.\\-/])(?:\\+|00)?(?:\\(\\d{1,5}\\)[ .\\-]?)?\\d{1,14}"
              + "(?:[ .\\-/]\\(?\\d{1,14}\\)?){0,6}(?![\\w\\-/]|\\.\\d)");

  private final String name;
  private final String entity;
  private final Set<String> languages;
  private final List<String> regions;
  private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

  public PhoneNumberDetector(
      String name, String entity, Set<String> languages, List<String> regions) {
    this.name = name;
    this.entity = entity;
    this.languages = Set.copyOf(languages);
    this.regions = List.copyOf(regions);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Set<String> entityTypes() {
    return Set.of(entity);
  }

  @Override
  public Set<String> languages() {
    return languages;
  }

  @Override
  public List<Finding> detect(String text, DetectionContext ctx) {
    if (!hasEnoughDigits(text)) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    Matcher m = CANDIDATE.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    int searchedUpTo = 0;
    for (int at = 0; at < text.length(); at++) {
      if (at < searchedUpTo || !mayStartCandidate(text, at)) {
        continue;
      }
      m.region(at, text.length());
      if (!m.lookingAt()) {
        continue;
      }
      searchedUpTo = Math.max(m.end(), at + 1);
      String raw = m.group();
      int digits = countDigits(raw);
      if (digits < 7 || digits > 15 || NOT_A_PHONE.matcher(raw).matches()) {
        continue;
      }
      if (isValidSomewhere(raw)) {
        findings.add(new Finding(entity, m.start(), m.end(), score(raw), name, true));
      }
    }
    return findings;
  }

  /**
   * libphonenumber decides; international numbers are checked against their own country, national
   * ones against each configured region.
   */
  private boolean isValidSomewhere(String raw) {
    boolean international = raw.startsWith("+") || raw.startsWith("00");
    String number = raw.startsWith("00") ? "+" + raw.substring(2) : raw;
    for (String region : international ? List.of("ZZ") : regions) {
      try {
        Phonenumber.PhoneNumber parsed = util.parse(number, region);
        if (util.isValidNumber(parsed)) {
          return true;
        }
      } catch (NumberParseException e) {
        // not a number in this region; try the next
      }
    }
    return false;
  }

  /**
   * Where {@link #CANDIDATE} can begin: '+', '(' or a digit not preceded by a word character or one
   * of {@code +.-/} — exactly its lookbehind, checked without the regex engine so that the regex
   * runs at a few positions instead of at every character.
   */
  private static boolean mayStartCandidate(String text, int at) {
    char c = text.charAt(at);
    if (!((c >= '0' && c <= '9') || c == '+' || c == '(')) {
      return false;
    }
    if (at == 0) {
      return true;
    }
    char before = text.charAt(at - 1);
    boolean word =
        (before >= 'a' && before <= 'z')
            || (before >= 'A' && before <= 'Z')
            || (before >= '0' && before <= '9')
            || before == '_';
    return !word && before != '+' && before != '.' && before != '-' && before != '/';
  }

  private static int countDigits(String s) {
    int digits = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      }
    }
    return digits;
  }

  static double score(String raw) {
    if (raw.startsWith("+") || raw.startsWith("00")) {
      return INTERNATIONAL_SCORE;
    }
    return raw.startsWith("(") ? PARENTHESISED_SCORE : NATIONAL_SCORE;
  }

  /** libphonenumber is costly; a text with fewer than 7 digits cannot hold a phone number. */
  private static boolean hasEnoughDigits(String text) {
    int digits = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9' && ++digits >= 7) {
        return true;
      }
    }
    return false;
  }
}
