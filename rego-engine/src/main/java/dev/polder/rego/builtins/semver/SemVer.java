package dev.polder.rego.builtins.semver;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/** A Semantic Versioning 2.0.0 version, strictly parsed (no "v" prefix, no leading zeros). */
public record SemVer(BigInteger major, BigInteger minor, BigInteger patch, String preRelease)
    implements Comparable<SemVer> {

  private static final String NUM = "(0|[1-9][0-9]*)";
  private static final String PRE_ID = "(?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*)";
  private static final Pattern SYNTAX =
      Pattern.compile(
          "^"
              + NUM
              + "\\."
              + NUM
              + "\\."
              + NUM
              + "(?:-("
              + PRE_ID
              + "(?:\\."
              + PRE_ID
              + ")*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$");

  public static Optional<SemVer> parse(String s) {
    var m = SYNTAX.matcher(s);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new SemVer(
            new BigInteger(m.group(1)),
            new BigInteger(m.group(2)),
            new BigInteger(m.group(3)),
            m.group(4) == null ? "" : m.group(4)));
  }

  /** Precedence as SemVer 2.0.0 §11; build metadata is ignored. */
  @Override
  public int compareTo(SemVer o) {
    int c = major.compareTo(o.major);
    if (c == 0) {
      c = minor.compareTo(o.minor);
    }
    if (c == 0) {
      c = patch.compareTo(o.patch);
    }
    if (c != 0) {
      return Integer.signum(c);
    }
    if (preRelease.isEmpty() || o.preRelease.isEmpty()) {
      return preRelease.isEmpty() == o.preRelease.isEmpty() ? 0 : preRelease.isEmpty() ? 1 : -1;
    }
    String[] a = preRelease.split("\\.");
    String[] b = o.preRelease.split("\\.");
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      boolean an = a[i].chars().allMatch(Character::isDigit);
      boolean bn = b[i].chars().allMatch(Character::isDigit);
      int r;
      if (an && bn) {
        r = new BigInteger(a[i]).compareTo(new BigInteger(b[i]));
      } else if (an != bn) {
        r = an ? -1 : 1;
      } else {
        r = a[i].compareTo(b[i]);
      }
      if (r != 0) {
        return Integer.signum(r);
      }
    }
    return Integer.compare(a.length, b.length);
  }
}
