package dev.polder.rego.value;

/** A Rego string. Strings compare by UTF-16 code units, which for valid text agrees with Go. */
public final class StringValue extends Value {
  public static final StringValue EMPTY = new StringValue("");

  private final String value;

  private StringValue(String value) {
    this.value = value;
  }

  public static StringValue of(String s) {
    if (s == null) {
      throw new NullPointerException("string value");
    }
    return s.isEmpty() ? EMPTY : new StringValue(s);
  }

  public String value() {
    return value;
  }

  @Override
  public Kind kind() {
    return Kind.STRING;
  }

  @Override
  public boolean isString() {
    return true;
  }

  @Override
  int compareSameKind(Value other) {
    return compareCodePoints(value, ((StringValue) other).value);
  }

  /** Go compares strings by bytes of UTF-8, which orders like code points (not UTF-16 units). */
  static int compareCodePoints(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char ca = a.charAt(i);
      char cb = b.charAt(i);
      if (ca != cb) {
        boolean sa = Character.isSurrogate(ca);
        boolean sb = Character.isSurrogate(cb);
        if (sa != sb) {
          return sa ? 1 : -1;
        }
        return ca < cb ? -1 : 1;
      }
    }
    return Integer.compare(a.length(), b.length());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StringValue s && s.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
