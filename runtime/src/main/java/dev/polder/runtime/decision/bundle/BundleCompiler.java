package dev.polder.runtime.decision.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polder.runtime.decision.DecisionPoint;
import dev.polder.runtime.decision.drools.DroolsCompileException;
import dev.polder.runtime.decision.drools.DroolsCompiler;
import dev.polder.runtime.decision.drools.DroolsPointRules;
import dev.polder.runtime.decision.input.Settings;
import dev.polder.runtime.decision.rego.RegoEngine;
import dev.polder.runtime.decision.rego.RegoFailure;
import dev.polder.runtime.decision.rego.RegoPolicies;
import dev.polder.runtime.decision.rego.RegoTestReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Turns a snapshot into a compiled bundle: the Drools folders and the Rego policies compile in
 * parallel, then the Rego tests run. Any problem refuses the whole bundle.
 */
public final class BundleCompiler {
  public static final String DATA_FILE = BundleSnapshot.POLICIES + "/data.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RegoEngine rego;
  private final String patternOverride;
  private final Executor executor;

  /**
   * @param patternOverride configured pattern that replaces {@code data.polder.settings.pattern};
   *     null or blank keeps the one in data.json
   */
  public BundleCompiler(RegoEngine rego, String patternOverride, Executor executor) {
    this.rego = rego;
    this.patternOverride = patternOverride;
    this.executor = executor;
  }

  public CompiledBundle compile(BundleSnapshot snapshot) {
    long started = System.nanoTime();
    List<String> problems = Collections.synchronizedList(new ArrayList<>());
    Map<String, Object> data = data(snapshot, problems);
    Settings settings = settings(data);

    Map<DecisionPoint, Map<String, byte[]>> ruleFiles = ruleFiles(snapshot, problems);
    Map<DecisionPoint, CompletableFuture<DroolsPointRules>> drools =
        new EnumMap<>(DecisionPoint.class);
    for (DecisionPoint point : DecisionPoint.values()) {
      drools.put(
          point,
          CompletableFuture.supplyAsync(
              () -> DroolsCompiler.compile(point, ruleFiles.get(point)), executor));
    }
    Map<String, String> modules = regoModules(snapshot, problems);
    CompletableFuture<RegoPolicies> policies =
        CompletableFuture.supplyAsync(() -> compileRego(modules, data), executor);

    Map<DecisionPoint, DroolsPointRules> rules = new EnumMap<>(DecisionPoint.class);
    drools.forEach(
        (point, future) -> {
          try {
            rules.put(point, future.join());
          } catch (CompletionException e) {
            problems.add(describe(e.getCause()));
          }
        });
    RegoPolicies compiled = null;
    int tests = 0;
    try {
      compiled = policies.join();
    } catch (CompletionException e) {
      problems.add(describe(e.getCause()));
    }
    if (compiled != null && problems.isEmpty()) {
      RegoTestReport report = compiled.runTests();
      tests = report.results().size();
      for (RegoTestReport.Result failure : report.failures()) {
        problems.add(
            "test " + failure.name() + " (" + failure.file() + ") failed: " + failure.failure());
      }
    }
    if (!problems.isEmpty()) {
      throw new BundleRejectedException(snapshot.hash(), List.copyOf(problems));
    }
    return new CompiledBundle(
        snapshot.hash(),
        rules,
        compiled,
        settings,
        tests,
        Instant.now(),
        Duration.ofNanos(System.nanoTime() - started));
  }

  private RegoPolicies compileRego(Map<String, String> modules, Map<String, Object> data) {
    if (modules.isEmpty()) {
      return null;
    }
    if (rego == null) {
      throw new RegoFailure("policies/ holds Rego modules but no Rego engine is configured");
    }
    RegoPolicies policies = new RegoPolicies(rego.compile(modules, data));
    checkTestPackages(policies);
    return policies;
  }

  /**
   * Tests must live outside the decision packages: a point evaluates its whole package document, so
   * tests nested in it (polder.access.x_test) would run with every request.
   */
  private static void checkTestPackages(RegoPolicies policies) {
    List<String> problems = new ArrayList<>();
    for (RegoEngine.RuleDefinition rule : policies.definitions()) {
      for (DecisionPoint point : DecisionPoint.values()) {
        if (rule.file().endsWith("_test.rego")
            && rule.packageName().startsWith(point.regoPackage() + ".")
            && !problems.contains(rule.file())) {
          problems.add(rule.file());
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new RegoFailure(
          "test packages inside a decision package would run with every request; use e.g."
              + " package polder.access_test.<name> in "
              + String.join(", ", problems));
    }
  }

  private static Map<DecisionPoint, Map<String, byte[]>> ruleFiles(
      BundleSnapshot snapshot, List<String> problems) {
    Map<DecisionPoint, Map<String, byte[]>> byPoint = new EnumMap<>(DecisionPoint.class);
    Map<String, DecisionPoint> folders = new HashMap<>();
    for (DecisionPoint point : DecisionPoint.values()) {
      byPoint.put(point, new TreeMap<>());
      folders.put(point.folder(), point);
    }
    for (Map.Entry<String, byte[]> file : snapshot.files().entrySet()) {
      String path = file.getKey();
      if (!path.startsWith(BundleSnapshot.RULES + "/") || !DroolsCompiler.isRuleFile(path)) {
        continue;
      }
      String[] parts = path.split("/");
      DecisionPoint point = parts.length == 3 ? folders.get(parts[1]) : null;
      if (point == null) {
        problems.add(
            path
                + " is not in a decision point folder (rules/<point>/, point one of "
                + folders.keySet()
                + ")");
      } else {
        byPoint.get(point).put(path, file.getValue());
      }
    }
    return byPoint;
  }

  private static Map<String, String> regoModules(BundleSnapshot snapshot, List<String> problems) {
    Map<String, String> modules = new LinkedHashMap<>();
    for (String path : snapshot.files().keySet()) {
      if (path.startsWith(BundleSnapshot.POLICIES + "/") && path.endsWith(".rego")) {
        modules.put(path, snapshot.text(path));
      }
    }
    return modules;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> data(BundleSnapshot snapshot, List<String> problems) {
    byte[] bytes = snapshot.files().get(DATA_FILE);
    if (bytes == null) {
      return new LinkedHashMap<>();
    }
    try {
      Object parsed = JSON.readValue(new String(bytes, StandardCharsets.UTF_8), Object.class);
      if (parsed instanceof Map<?, ?> map) {
        return (Map<String, Object>) map;
      }
      problems.add(DATA_FILE + " must hold a JSON object");
    } catch (IOException e) {
      problems.add(
          DATA_FILE + " is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
    return new LinkedHashMap<>();
  }

  /** data.polder.settings, with the configured pattern written into it (so Rego sees it too). */
  @SuppressWarnings("unchecked")
  private Settings settings(Map<String, Object> data) {
    if (!(data.computeIfAbsent("polder", k -> new LinkedHashMap<>()) instanceof Map<?, ?> p)) {
      throw new BundleRejectedException("-", List.of(DATA_FILE + ": polder must be an object"));
    }
    Map<String, Object> polder = (Map<String, Object>) p;
    if (!(polder.computeIfAbsent("settings", k -> new LinkedHashMap<>()) instanceof Map<?, ?> s)) {
      throw new BundleRejectedException(
          "-", List.of(DATA_FILE + ": polder.settings must be an object"));
    }
    Map<String, Object> values = (Map<String, Object>) s;
    if (patternOverride != null && !patternOverride.isBlank()) {
      values.put("pattern", patternOverride);
    }
    Object pattern = values.get("pattern");
    return new Settings(pattern == null ? "" : String.valueOf(pattern), values);
  }

  private static String describe(Throwable t) {
    if (t instanceof DroolsCompileException || t instanceof RegoFailure) {
      return t.getMessage();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
