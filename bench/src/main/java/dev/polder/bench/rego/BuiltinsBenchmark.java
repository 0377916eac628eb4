package dev.polder.bench.rego;

import dev.polder.rego.builtins.Builtin;
import dev.polder.rego.builtins.BuiltinContext;
import dev.polder.rego.builtins.BuiltinException;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.value.ArrayValue;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.StringValue;
import dev.polder.rego.value.Value;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of one call of the built-ins that gateway policies use most, called as the evaluator calls
 * them (arguments already evaluated). Run: {@code java -jar bench/target/benchmarks.jar
 * BuiltinsBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BuiltinsBenchmark {

  private static final String HS256_TOKEN =
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyIjoiYWxpY2UiLCJhenAiOiJhbGljZSIsInN1Ym9yZGluYXRlcyI6W10sImhyIjpmYWxzZX0.rz3jTY033z-NrKfwrK89_dcLF7TN4gwCMj-fVBDyLoM";

  private BuiltinContext ctx;
  private Builtin glob;
  private Builtin regex;
  private Builtin cidr;
  private Builtin decodeVerify;
  private Builtin sprintf;
  private Builtin marshal;
  private Builtin parseTime;
  private List<Value> globArgs;
  private List<Value> regexArgs;
  private List<Value> cidrArgs;
  private List<Value> jwtArgs;
  private List<Value> sprintfArgs;
  private List<Value> marshalArgs;
  private List<Value> timeArgs;

  @Setup
  public void setUp() {
    BuiltinRegistry r = BuiltinRegistry.standard();
    ctx = BuiltinContext.simple();
    glob = r.lookup("glob.match");
    regex = r.lookup("regex.match");
    cidr = r.lookup("net.cidr_contains");
    decodeVerify = r.lookup("io.jwt.decode_verify");
    sprintf = r.lookup("sprintf");
    marshal = r.lookup("json.marshal");
    parseTime = r.lookup("time.parse_rfc3339_ns");
    globArgs =
        List.of(
            s("api.*.internal.example.com"),
            ArrayValue.of(s(".")),
            s("api.eu.internal.example.com"));
    regexArgs =
        List.of(s("^[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}$"), s("alice.smith@example.org"));
    cidrArgs = List.of(s("10.0.0.0/8"), s("10.42.7.19"));
    jwtArgs = List.of(s(HS256_TOKEN), ObjectValue.ofStrings("secret", s("secret")));
    sprintfArgs =
        List.of(
            s("user %s (team %s) may not use model %s: %d findings"),
            ArrayValue.of(s("alice"), s("payments"), s("gpt-4o"), Value.of(3)));
    ObjectValue.Builder b = ObjectValue.builder();
    for (int i = 0; i < 20; i++) {
      b.put("field" + i, ObjectValue.ofStrings("type", s("EMAIL"), "count", Value.of(i)));
    }
    marshalArgs = List.of(b.build());
    timeArgs = List.of(s("2026-11-24T01:02:03.123456789+01:00"));
  }

  private static StringValue s(String v) {
    return StringValue.of(v);
  }

  @Benchmark
  public Value globMatch() throws BuiltinException {
    return glob.call(ctx, globArgs);
  }

  @Benchmark
  public Value regexMatch() throws BuiltinException {
    return regex.call(ctx, regexArgs);
  }

  @Benchmark
  public Value cidrContains() throws BuiltinException {
    return cidr.call(ctx, cidrArgs);
  }

  @Benchmark
  public Value jwtDecodeVerifyHs256() throws BuiltinException {
    return decodeVerify.call(ctx, jwtArgs);
  }

  @Benchmark
  public Value sprintf() throws BuiltinException {
    return sprintf.call(ctx, sprintfArgs);
  }

  @Benchmark
  public Value jsonMarshal20Fields() throws BuiltinException {
    return marshal.call(ctx, marshalArgs);
  }

  @Benchmark
  public Value parseRfc3339() throws BuiltinException {
    return parseTime.call(ctx, timeArgs);
  }
}
