package dev.polder.bench.rego;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polder.rego.EvalOptions;
import dev.polder.rego.PreparedPolicy;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.value.Value;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A gateway-style egress policy (~30 rules: sets, {@code in}, {@code every}, a CIDR check, a regex,
 * prefix tests) evaluated on a typical input, and the compilation of 100 such modules.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar EgressPolicyBenchmark -f 1 -wi 3 -i 5
 * # bytes allocated per evaluation (gc.alloc.rate.norm), independent of machine load:
 * java -jar bench/target/benchmarks.jar 'EgressPolicyBenchmark.evaluate' -bm avgt -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EgressPolicyBenchmark {
  static final String DATA =
      "{\"polder\": {\"teams_with_egress\": [\"support\", \"research\"],"
          + " \"max_tokens\": {\"support\": 4096, \"research\": 32768}}}";
  static final String INPUT =
      "{\"backend\": {\"provider\": \"openai\", \"ip\": \"52.1.2.3\"},"
          + " \"principal\": {\"id\": \"svc-chat\", \"team\": \"support\", \"roles\": [\"user\"],"
          + " \"env\": \"prod\"}, \"request\": {\"model\": \"gpt-4o\", \"max_tokens\": 512},"
          + " \"findings\": [{\"type\": \"EMAIL\", \"score\": 0.3}],"
          + " \"classification\": {\"level\": \"internal\"}}";

  private String source;
  private Value data;
  private Value input;
  private PreparedPolicy policy;
  private Map<String, String> hundredModules;

  @Setup
  public void setUp() throws IOException {
    try (InputStream in = EgressPolicyBenchmark.class.getResourceAsStream("egress.rego")) {
      source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    ObjectMapper json = new ObjectMapper();
    data = Value.fromJson(json.readTree(DATA));
    input = Value.fromJson(json.readTree(INPUT));
    policy =
        PreparedPolicy.compile(Map.of("egress.rego", source), data, BuiltinRegistry.standard());
    hundredModules = new LinkedHashMap<>();
    for (int i = 0; i < 100; i++) {
      hundredModules.put(
          "egress" + i + ".rego",
          source.replace("package polder.egress", "package polder.egress" + i));
    }
  }

  /** The whole decision object: allow, egress, deny, log mode, obligations. */
  @Benchmark
  @BenchmarkMode({Mode.SampleTime})
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Value evaluateDecision() {
    return policy.evaluate("polder/egress/decision", input, EvalOptions.DEFAULT);
  }

  /** Only the allow rule (and what it depends on). */
  @Benchmark
  @BenchmarkMode({Mode.SampleTime})
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Value evaluateAllow() {
    return policy.evaluate("polder/egress/allow", input, EvalOptions.DEFAULT);
  }

  /** Parse and compile 100 egress modules (distinct packages). */
  @Benchmark
  @BenchmarkMode({Mode.SingleShotTime})
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 5)
  @Measurement(iterations = 10)
  public PreparedPolicy compileHundredModules() {
    return PreparedPolicy.compile(hundredModules, data, BuiltinRegistry.standard());
  }
}
