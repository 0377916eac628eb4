package dev.polder.rego.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polder.rego.EvalOptions;
import dev.polder.rego.PreparedPolicy;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.builtins.Limits;
import dev.polder.rego.compiler.RegoCompileException;
import dev.polder.rego.eval.RegoEvalException;
import dev.polder.rego.value.ArrayValue;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hostile modules and inputs get a clear error or a bounded refusal, never a hang or a crash. */
class RegoRobustnessTest {

  private static PreparedPolicy compile(String src) {
    return PreparedPolicy.compile(
        Map.of("x.rego", src), ObjectValue.EMPTY, BuiltinRegistry.standard());
  }

  @Test
  void randomGarbageIsAParseError() {
    Random random = new Random(42);
    String alphabet =
        "package p q := {}[]()\"`$#:=!<>+-*/%&|.,;\n\t\\abc123 if else with as not some every in";
    for (int n = 0; n < 500; n++) {
      StringBuilder sb = new StringBuilder(random.nextBoolean() ? "package p\n" : "");
      int len = random.nextInt(200);
      for (int i = 0; i < len; i++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      try {
        compile(sb.toString());
      } catch (RegoCompileException expected) {
        assertTrue(expected.getMessage().contains("rego_"), expected.getMessage());
      }
    }
  }

  @Test
  void deeplyNestedModuleIsRefused() {
    String deep = "package p\nq := " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
    RegoCompileException e = assertThrows(RegoCompileException.class, () -> compile(deep));
    assertTrue(e.getMessage().contains("nesting too deep"), e.getMessage());
  }

  @Test
  void enormousModuleCompiles() {
    StringBuilder sb = new StringBuilder("package big\n");
    for (int i = 0; i < 5_000; i++) {
      sb.append("r").append(i).append(" if input.x == ").append(i).append('\n');
    }
    PreparedPolicy p = compile(sb.toString());
    Value input = ObjectValue.ofStrings("x", Value.of(4_321));
    assertEquals(Value.of(true), p.evaluate("big/r4321", input, EvalOptions.DEFAULT));
  }

  @Test
  void deeplyNestedInputIsHandled() throws Exception {
    Value v = Value.of(1);
    for (int i = 0; i < 900; i++) {
      v = ArrayValue.of(v);
    }
    PreparedPolicy p = compile("package p\nn := count(input)\nwalked := json.marshal(input)\n");
    assertEquals(Value.of(1), p.evaluate("p/n", v, EvalOptions.DEFAULT));
    String json = "[".repeat(5_000) + "]".repeat(5_000);
    assertThrows(
        Exception.class, () -> new ObjectMapper().readTree(json), "Jackson bounds nesting");
  }

  @Test
  void runawayIterationStopsAtTheStepLimit() {
    List<Value> xs = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      xs.add(Value.of(i));
    }
    Value input = ObjectValue.ofStrings("xs", ArrayValue.of(xs));
    PreparedPolicy p =
        compile(
            "package p\nhang if {\n some a in input.xs\n some b in input.xs\n some c in input.xs\n a + b + c < 0\n}\n");
    EvalOptions opts = EvalOptions.DEFAULT.withLimits(new Limits(100_000, 100, 1_000_000));
    RegoEvalException e =
        assertThrows(RegoEvalException.class, () -> p.evaluate("p/hang", input, opts));
    assertEquals(RegoEvalException.CANCEL, e.code());
    assertTrue(e.getMessage().contains("100000 steps"), e.getMessage());
  }

  @Test
  void hugeComprehensionStopsAtTheSizeLimit() {
    List<Value> xs = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      xs.add(Value.of(i));
    }
    Value input = ObjectValue.ofStrings("xs", ArrayValue.of(xs));
    PreparedPolicy p =
        compile("package p\nall := [[a, b] | some a in input.xs; some b in input.xs]\n");
    EvalOptions opts = EvalOptions.DEFAULT.withLimits(new Limits(10_000_000, 100, 10_000));
    RegoEvalException e =
        assertThrows(RegoEvalException.class, () -> p.evaluate("p/all", input, opts));
    assertTrue(e.getMessage().contains("exceeds 10000 elements"), e.getMessage());
  }

  @Test
  void deepCallChainsStopAtTheDepthLimit() {
    StringBuilder sb = new StringBuilder("package p\n");
    for (int i = 0; i < 90; i++) {
      sb.append("f")
          .append(i)
          .append("(x) := y if y := f")
          .append(i + 1)
          .append("([z | z := x][0])\n");
    }
    sb.append("f90(x) := x\nr := f0(1)\n");
    PreparedPolicy p = compile(sb.toString());
    assertEquals(Value.of(1), p.evaluate("p/r", null, EvalOptions.DEFAULT));
    EvalOptions shallow = EvalOptions.DEFAULT.withLimits(new Limits(1_000_000, 50, 1_000));
    RegoEvalException e =
        assertThrows(RegoEvalException.class, () -> p.evaluate("p/r", null, shallow));
    assertTrue(e.getMessage().contains("depth 50"), e.getMessage());
  }

  @Test
  void recursionIsACompileError() {
    RegoCompileException e =
        assertThrows(
            RegoCompileException.class,
            () -> compile("package p\nq contains x if { some x in {y | some y in q} }\n"));
    assertTrue(e.getMessage().contains("rego_recursion_error"), e.getMessage());
  }

  @Test
  void cancellationStopsTheEvaluation() {
    List<Value> xs = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      xs.add(Value.of(i));
    }
    PreparedPolicy p =
        compile("package p\nhang if {\n some a in input.xs\n some b in input.xs\n a + b < 0\n}\n");
    EvalOptions opts = EvalOptions.DEFAULT.withCancelled(() -> true);
    RegoEvalException e =
        assertThrows(
            RegoEvalException.class,
            () -> p.evaluate("p/hang", ObjectValue.ofStrings("xs", ArrayValue.of(xs)), opts));
    assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
  }
}
