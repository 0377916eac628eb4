package dev.polder.rego.builtins.numbers;

import static dev.polder.rego.types.Types.N;
import static dev.polder.rego.types.Types.S;
import static dev.polder.rego.types.Types.arrayOf;
import static dev.polder.rego.types.Types.fn;

import dev.polder.rego.builtins.Builtin;
import dev.polder.rego.builtins.BuiltinContext;
import dev.polder.rego.builtins.BuiltinException;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.builtins.operands.Operands;
import dev.polder.rego.value.ArrayValue;
import dev.polder.rego.value.NumberValue;
import dev.polder.rego.value.Value;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/** abs, round, ceil, floor, numbers.range, numbers.range_step, rand.intn. */
public final class NumberBuiltins {

  private NumberBuiltins() {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private record RandKey(String seed, BigInteger n) {}

  public static void register(BuiltinRegistry r) {
    r.register(Builtin.of("abs", fn(N, N), (c, a) -> Operands.number(a, 1).abs()));
    r.register(Builtin.of("round", fn(N, N), (c, a) -> rounded(a, RoundingMode.HALF_UP)));
    r.register(Builtin.of("ceil", fn(N, N), (c, a) -> rounded(a, RoundingMode.CEILING)));
    r.register(Builtin.of("floor", fn(N, N), (c, a) -> rounded(a, RoundingMode.FLOOR)));
    r.register(
        Builtin.of(
            "numbers.range",
            fn(arrayOf(N), N, N),
            (c, a) -> range(c, Operands.integer(a, 1), Operands.integer(a, 2), BigInteger.ONE)));
    r.register(
        Builtin.of(
            "numbers.range_step",
            fn(arrayOf(N), N, N, N),
            (c, a) -> {
              NumberValue from = Operands.integer(a, 1);
              NumberValue to = Operands.integer(a, 2);
              NumberValue step = Operands.integer(a, 3);
              if (step.signum() <= 0) {
                throw BuiltinException.error("step must be a positive integer");
              }
              return range(c, from, to, step.asBigInteger());
            }));
    r.register(Builtin.nondeterministic("rand.intn", fn(N, S, N), NumberBuiltins::randIntn));
  }

  private static Value rounded(List<Value> a, RoundingMode mode) throws BuiltinException {
    NumberValue n = Operands.number(a, 1);
    if (n.isInteger()) {
      return n;
    }
    return NumberValue.of(n.asBigDecimal().setScale(0, mode));
  }

  private static Value range(BuiltinContext c, NumberValue from, NumberValue to, BigInteger step)
      throws BuiltinException {
    BigInteger a = from.asBigInteger();
    BigInteger b = to.asBigInteger();
    boolean ascending = a.compareTo(b) <= 0;
    BigInteger span = b.subtract(a).abs().divide(step);
    if (span.compareTo(BigInteger.valueOf(c.limits().maxOutputElements())) >= 0) {
      throw BuiltinException.error("range of " + span + " elements exceeds the output limit");
    }
    List<Value> out = new ArrayList<>(span.intValue() + 1);
    BigInteger delta = ascending ? step : step.negate();
    BigInteger v = a;
    for (int i = 0; i <= span.intValue(); i++) {
      out.add(NumberValue.of(v));
      v = v.add(delta);
    }
    return ArrayValue.of(out);
  }

  private static Value randIntn(BuiltinContext c, List<Value> a) throws BuiltinException {
    String seed = Operands.string(a, 1);
    BigInteger n = Operands.integer(a, 2).asBigInteger().abs();
    if (n.signum() == 0) {
      return NumberValue.ZERO;
    }
    // Same arguments, same number within one evaluation, as OPA does.
    Object key = new RandKey(seed, n);
    Object cached = c.cache().get(key);
    if (cached instanceof Value v) {
      return v;
    }
    BigInteger r;
    do {
      r = new BigInteger(n.bitLength(), RANDOM);
    } while (r.compareTo(n) >= 0);
    Value result = NumberValue.of(r);
    c.cache().put(key, result);
    return result;
  }
}
