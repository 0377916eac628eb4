package dev.polder.rego.value;

/** The Rego {@code null}. */
public final class NullValue extends Value {
  public static final NullValue INSTANCE = new NullValue();

  private NullValue() {}

  @Override
  public Kind kind() {
    return Kind.NULL;
  }

  @Override
  public boolean isNull() {
    return true;
  }

  @Override
  int compareSameKind(Value other) {
    return 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NullValue;
  }

  @Override
  public int hashCode() {
    return 0x6e756c;
  }
}
