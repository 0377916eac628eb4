package dev.polder.rego.builtins.glob;

import static dev.polder.rego.types.Types.B;
import static dev.polder.rego.types.Types.NL;
import static dev.polder.rego.types.Types.S;
import static dev.polder.rego.types.Types.anyOf;
import static dev.polder.rego.types.Types.arrayOf;
import static dev.polder.rego.types.Types.fn;

import dev.polder.rego.builtins.Builtin;
import dev.polder.rego.builtins.BuiltinContext;
import dev.polder.rego.builtins.BuiltinException;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.builtins.operands.Operands;
import dev.polder.rego.value.ArrayValue;
import dev.polder.rego.value.BooleanValue;
import dev.polder.rego.value.StringValue;
import dev.polder.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** glob.match and glob.quote_meta. */
public final class GlobBuiltins {

  private GlobBuiltins() {}

  private record Key(String pattern, Value delimiters) {}

  private static final int MAX_CACHED = 10_000;
  private static final ConcurrentHashMap<Key, GlobPattern> CACHE = new ConcurrentHashMap<>();

  public static void register(BuiltinRegistry r) {
    r.register(Builtin.of("glob.match", fn(B, S, anyOf(arrayOf(S), NL), S), GlobBuiltins::match));
    r.register(
        Builtin.of(
            "glob.quote_meta",
            fn(S, S),
            (c, a) -> StringValue.of(GlobPattern.quoteMeta(Operands.string(a, 1)))));
  }

  private static Value match(BuiltinContext c, List<Value> a) throws BuiltinException {
    String pattern = Operands.string(a, 1);
    // Patterns and delimiters are policy constants: look the compiled glob up by them directly.
    Key key = new Key(pattern, a.get(1));
    GlobPattern glob = CACHE.get(key);
    if (glob == null) {
      glob = compile(pattern, a.get(1));
      if (CACHE.size() >= MAX_CACHED) {
        CACHE.clear();
      }
      CACHE.put(key, glob);
    }
    return BooleanValue.of(glob.matches(Operands.string(a, 3)));
  }

  private static GlobPattern compile(String pattern, Value d) throws BuiltinException {
    List<Integer> delimiters = new ArrayList<>();
    if (d instanceof ArrayValue arr) {
      for (Value v : arr) {
        if (!(v instanceof StringValue s)) {
          throw BuiltinException.typeError(
              "operand 2 must be array of strings but got array containing " + v.typeName());
        }
        s.value().codePoints().forEach(delimiters::add);
      }
      if (delimiters.isEmpty()) {
        delimiters.add((int) '.');
      }
    } else if (!d.isNull()) {
      throw BuiltinException.operandType(2, "one of {array, null}", d);
    }
    try {
      return GlobPattern.compile(pattern, delimiters);
    } catch (IllegalArgumentException e) {
      throw BuiltinException.error(e.getMessage());
    }
  }
}
