package dev.polder.rego.builtins.bits;

import static dev.polder.rego.types.Types.N;
import static dev.polder.rego.types.Types.fn;

import dev.polder.rego.builtins.Builtin;
import dev.polder.rego.builtins.BuiltinException;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.builtins.operands.Operands;
import dev.polder.rego.value.NumberValue;
import dev.polder.rego.value.Value;
import java.math.BigInteger;
import java.util.List;
import java.util.function.BinaryOperator;

/** bits.and/or/xor/negate/lsh/rsh on arbitrary-precision integers. */
public final class BitsBuiltins {

  private BitsBuiltins() {}

  /** Shifts beyond this many bits would build absurdly large numbers. */
  private static final int MAX_SHIFT = 1 << 16;

  public static void register(BuiltinRegistry r) {
    binary(r, "bits.and", BigInteger::and);
    binary(r, "bits.or", BigInteger::or);
    binary(r, "bits.xor", BigInteger::xor);
    r.register(
        Builtin.of(
            "bits.negate",
            fn(N, N),
            (c, a) -> NumberValue.of(Operands.integer(a, 1).asBigInteger().not())));
    r.register(
        Builtin.of("bits.lsh", fn(N, N, N), (c, a) -> NumberValue.of(big(a).shiftLeft(shift(a)))));
    r.register(
        Builtin.of("bits.rsh", fn(N, N, N), (c, a) -> NumberValue.of(big(a).shiftRight(shift(a)))));
  }

  private static void binary(BuiltinRegistry r, String name, BinaryOperator<BigInteger> op) {
    r.register(
        Builtin.of(
            name,
            fn(N, N, N),
            (c, a) ->
                NumberValue.of(
                    op.apply(
                        Operands.integer(a, 1).asBigInteger(),
                        Operands.integer(a, 2).asBigInteger()))));
  }

  private static BigInteger big(List<Value> a) throws BuiltinException {
    return Operands.integer(a, 1).asBigInteger();
  }

  private static int shift(List<Value> a) throws BuiltinException {
    NumberValue n = Operands.integer(a, 2);
    if (n.signum() < 0) {
      throw BuiltinException.typeError(
          "operand 2 must be an unsigned integer number but got a negative integer");
    }
    if (!n.isInt() || n.asInt() > MAX_SHIFT) {
      throw BuiltinException.error("shift of " + n.format() + " bits is too large");
    }
    return n.asInt();
  }
}
