package dev.polder.rego.value;

/** A Rego boolean; false sorts before true. */
public final class BooleanValue extends Value {
  public static final BooleanValue TRUE = new BooleanValue(true);
  public static final BooleanValue FALSE = new BooleanValue(false);

  private final boolean value;

  private BooleanValue(boolean value) {
    this.value = value;
  }

  public static BooleanValue of(boolean b) {
    return b ? TRUE : FALSE;
  }

  public boolean value() {
    return value;
  }

  @Override
  public Kind kind() {
    return Kind.BOOLEAN;
  }

  @Override
  public boolean isBoolean() {
    return true;
  }

  @Override
  int compareSameKind(Value other) {
    return Boolean.compare(value, ((BooleanValue) other).value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BooleanValue b && b.value == value;
  }

  @Override
  public int hashCode() {
    return value ? 1231 : 1237;
  }
}
