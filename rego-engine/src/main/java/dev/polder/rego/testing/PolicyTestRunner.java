package dev.polder.rego.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.polder.rego.EvalOptions;
import dev.polder.rego.PreparedPolicy;
import dev.polder.rego.ast.Module;
import dev.polder.rego.ast.Rule;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.eval.RegoEvalException;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs policy tests as {@code opa test} does: every rule named {@code test_*} in a {@code
 * *_test.rego} file under a folder passes when it evaluates to a value other than false. The
 * folder's {@code .rego} files are compiled together; {@code data.json}/{@code data.yaml} files
 * become {@code data} at their folder's path.
 */
public final class PolicyTestRunner {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private PolicyTestRunner() {}

  /**
   * Compiles the folder and runs its tests.
   *
   * @throws dev.polder.rego.compiler.RegoCompileException if the policies do not compile
   * @throws IOException if the folder cannot be read
   */
  public static List<TestResult> run(Path dir) throws IOException {
    Map<String, String> sources = new LinkedHashMap<>();
    Value data = ObjectValue.EMPTY;
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path f : files) {
      String name = f.getFileName().toString();
      if (name.endsWith(".rego")) {
        sources.put(dir.relativize(f).toString(), Files.readString(f, StandardCharsets.UTF_8));
      } else if (name.equals("data.json") || name.equals("data.yaml") || name.equals("data.yml")) {
        ObjectMapper m = name.endsWith(".json") ? JSON : YAML;
        Value doc = Value.fromJson(m.readTree(f.toFile()));
        data = mergeAt(data, dir.relativize(f.getParent()), doc);
      }
    }
    PreparedPolicy policy = PreparedPolicy.compile(sources, data, BuiltinRegistry.standard());
    List<TestResult> results = new ArrayList<>();
    for (Module m : policy.modules()) {
      if (!m.file().endsWith("_test.rego")) {
        continue;
      }
      List<String> seen = new ArrayList<>();
      for (Rule r : m.rules()) {
        if (!r.name().startsWith("test_") || r.head().size() != 1 || r.args() != null) {
          continue;
        }
        String name = "data." + String.join(".", m.packagePath()) + "." + r.name();
        if (seen.contains(name)) {
          continue; // several definitions of one test are one test
        }
        seen.add(name);
        results.add(runOne(policy, name, r));
      }
    }
    return results;
  }

  private static TestResult runOne(PreparedPolicy policy, String name, Rule r) {
    List<String> output = new ArrayList<>();
    EvalOptions opts = EvalOptions.DEFAULT.withPrintSink(output::add);
    long start = System.nanoTime();
    try {
      Value v = policy.evaluate(name, null, opts);
      long took = System.nanoTime() - start;
      boolean pass = v != null && !v.equals(dev.polder.rego.value.BooleanValue.FALSE);
      return new TestResult(
          name,
          r.loc(),
          pass ? TestResult.Outcome.PASS : TestResult.Outcome.FAIL,
          null,
          took,
          output);
    } catch (RegoEvalException e) {
      return new TestResult(
          name,
          r.loc(),
          TestResult.Outcome.ERROR,
          e.getMessage(),
          System.nanoTime() - start,
          output);
    }
  }

  private static Value mergeAt(Value data, Path rel, Value doc) {
    List<Value> path = new ArrayList<>();
    for (Path p : rel) {
      if (!p.toString().isEmpty()) {
        path.add(Value.of(p.toString()));
      }
    }
    return put((ObjectValue) data, path, 0, doc);
  }

  private static Value put(ObjectValue obj, List<Value> path, int i, Value doc) {
    if (i == path.size()) {
      if (doc instanceof ObjectValue d) {
        ObjectValue.Builder b = ObjectValue.builder();
        obj.asMap().forEach(b::put);
        d.asMap().forEach(b::put);
        return b.build();
      }
      return doc;
    }
    Value child = obj.get(path.get(i));
    ObjectValue c = child instanceof ObjectValue co ? co : ObjectValue.EMPTY;
    return obj.with(path.get(i), put(c, path, i + 1, doc));
  }
}
