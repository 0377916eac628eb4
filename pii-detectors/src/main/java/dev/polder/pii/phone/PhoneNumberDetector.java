package dev.polder.pii.phone;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import dev.polder.pii.detect.DetectionContext;
import dev.polder.pii.detect.Detector;
import dev.polder.pii.detect.Finding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Phone numbers found and validated by libphonenumber: international numbers of every country,
 * national numbers of the configured regions. International notation is strong evidence by itself;
 * a national number needs a context word ("phone", "call", ...) to pass the default threshold,
 * since order and ticket numbers often parse as valid national numbers.
 */
public final class PhoneNumberDetector implements Detector {

  static final double INTERNATIONAL_SCORE = 0.75;
  static final double PARENTHESISED_SCORE = 0.6;
  static final double NATIONAL_SCORE = 0.4;
  private static final long MAX_TRIES = 200;

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
    Set<Long> seen = new HashSet<>();
    for (String region : regions) {
      for (PhoneNumberMatch match : util.findNumbers(text, region, Leniency.VALID, MAX_TRIES)) {
        long key = ((long) match.start() << 32) | match.end();
        if (seen.add(key)) {
          findings.add(
              new Finding(
                  entity, match.start(), match.end(), score(match.rawString()), name, true));
        }
      }
    }
    return findings;
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
