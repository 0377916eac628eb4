package dev.polder.rego.builtins.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polder.rego.builtins.Builtin;
import dev.polder.rego.builtins.BuiltinContext;
import dev.polder.rego.builtins.BuiltinException;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.builtins.Limits;
import dev.polder.rego.types.Type;
import dev.polder.rego.value.ArrayValue;
import dev.polder.rego.value.SetValue;
import dev.polder.rego.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls standard built-ins the way the evaluator does (arity and top-level kind check from the
 * signature, then the call) so that tables can state arguments, results and OPA's error texts.
 *
 * <p>Expected values: JSON text; {@code undefined} for no result; {@code error:<text>} for an error
 * whose message (prefixed with the built-in name, as the evaluator prints it) contains the text.
 */
public final class BuiltinTable {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

  /** A fixed clock for time-dependent built-ins: 2026-01-01T00:00:00Z. */
  public static final long NOW_NS = 1_767_225_600_000_000_000L;

  private BuiltinTable() {}

  public static BuiltinContext context() {
    return new BuiltinContext(true, NOW_NS, s -> {}, Limits.DEFAULT, () -> false);
  }

  public static Value json(String text) {
    try {
      return Value.fromJson(JSON.readTree(text));
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("bad JSON in test table: " + text, e);
    }
  }

  /** A set of the elements of a JSON array. */
  public static SetValue set(String jsonArray) {
    return SetValue.of(((ArrayValue) json(jsonArray)).asList());
  }

  /** Calls {@code name}; returns null when undefined. */
  public static Value call(String name, Value... args) throws BuiltinException {
    return call(context(), name, args);
  }

  public static Value call(BuiltinContext ctx, String name, Value... args) throws BuiltinException {
    Builtin b = BuiltinRegistry.standard().lookup(name);
    if (b == null) {
      throw new AssertionError("no built-in " + name);
    }
    Type.Function sig = b.signature();
    if (sig.variadic() == null && sig.args().size() != args.length) {
      throw new AssertionError(name + " takes " + sig.args().size() + " arguments");
    }
    List<Value> list = List.of(args);
    if (!b.checksOwnArguments()) {
      for (int i = 0; i < sig.args().size(); i++) {
        if (!sig.args().get(i).accepts(args[i])) {
          throw BuiltinException.operandType(i + 1, sig.args().get(i), args[i]);
        }
      }
    }
    if (b.isRelation()) {
      List<Value> out = new ArrayList<>();
      b.iterate(ctx, list, out::add);
      return SetValue.of(out);
    }
    return b.call(ctx, list);
  }

  /** Checks one row: arguments as a JSON array, expected as described in the class comment. */
  public static void check(String name, String argsJson, String expected) {
    check(name, ((ArrayValue) json(argsJson)).asList().toArray(new Value[0]), expected);
  }

  public static void check(String name, Value[] args, String expected) {
    Value got;
    try {
      got = call(name, args);
    } catch (BuiltinException e) {
      String message = name + ": " + e.getMessage();
      if (!expected.startsWith("error:")) {
        fail(name + " failed unexpectedly: " + e.code() + ": " + message);
      }
      String want = expected.substring("error:".length());
      assertTrue(
          message.contains(want),
          () -> "error of " + name + " was <" + message + ">, want <" + want + ">");
      return;
    }
    if (expected.startsWith("error:")) {
      fail(name + " returned " + got + " but should fail with " + expected);
    }
    if (expected.equals("undefined")) {
      assertNull(got, name + " should be undefined");
      return;
    }
    if (got == null) {
      fail(name + " was undefined, want " + expected);
    }
    assertEquals(json(expected).toJson(), got.toJson(), name);
  }
}
