package dev.polder.bench.decision;

import dev.polder.runtime.decision.Decision;
import dev.polder.runtime.decision.DecisionPoint;
import dev.polder.runtime.decision.DecisionService;
import dev.polder.runtime.decision.answer.AccessAnswer;
import dev.polder.runtime.decision.answer.Answer;
import dev.polder.runtime.decision.answer.ClassifyAnswer;
import dev.polder.runtime.decision.answer.RedactAnswer;
import dev.polder.runtime.decision.answer.RouteAnswer;
import dev.polder.runtime.decision.answer.ToolAnswer;
import dev.polder.runtime.decision.bundle.BundleCompiler;
import dev.polder.runtime.decision.bundle.BundleManager;
import dev.polder.runtime.decision.bundle.BundleSnapshot;
import dev.polder.runtime.decision.bundle.CompiledBundle;
import dev.polder.runtime.decision.input.DecisionInput;
import dev.polder.runtime.decision.input.DecisionInputJson;
import dev.polder.runtime.decision.rego.PolderRegoEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ForkJoinPool;
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
 * Cost of the decision points on the shipped rules/ and policies/ (controlled egress), warm: all
 * five points with both engines for a typical request (policies/examples/typical-request.json),
 * each engine alone, and the compile of the whole bundle (reload time). Run from the repository
 * root (or set -Dpolder.root).
 */
@State(Scope.Benchmark)
@Fork(1)
public class DecisionBenchmark {
  private DecisionService service;
  private CompiledBundle bundle;
  private DecisionInput typical;
  private DecisionInput withTools;
  private Object regoInput;
  private BundleSnapshot snapshot;
  private BundleCompiler compiler;

  @Setup
  public void setUp() throws IOException {
    Path root = Path.of(System.getProperty("polder.root", "."));
    Path rules = root.resolve("rules");
    Path policies = root.resolve("policies");
    compiler = new BundleCompiler(new PolderRegoEngine(), null, ForkJoinPool.commonPool());
    BundleManager manager = new BundleManager(rules, policies, compiler, ForkJoinPool.commonPool());
    if (!manager.reload().ready()) {
      throw new IllegalStateException("bundle refused: " + manager.status().lastProblems());
    }
    service = new DecisionService(manager, Duration.ofSeconds(1));
    bundle = manager.current();
    snapshot = BundleSnapshot.read(rules, policies);
    typical = example(policies, "typical-request.json");
    withTools = example(policies, "tool-call.json");
    regoInput = bundle.policies().prepareInput(typical.toDocument());
    Decision check = service.decide(typical);
    if (!check.allowed()) {
      throw new IllegalStateException("typical request is refused: " + check.reasons());
    }
  }

  private static DecisionInput example(Path policies, String name) throws IOException {
    return DecisionInputJson.parse(Files.readString(policies.resolve("examples").resolve(name)));
  }

  /** All five points, Drools and Rego, combined, with the trace: what a request pays. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  public Decision allPointsBothEngines() {
    return service.decide(typical);
  }

  /** The same with two tools in the request (tool-access evaluated too). */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  public Decision allPointsWithTools() {
    return service.decide(withTools);
  }

  /** Drools alone: a fresh session per point with the input as facts. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  public int droolsFivePoints() {
    int statements = 0;
    for (DecisionPoint point : DecisionPoint.values()) {
      Answer answer = answerFor(point, "drools");
      bundle.rules().get(point).evaluate(typical, bundle.settings(), answer);
      statements += answer.contributions().size();
    }
    return statements;
  }

  /** Rego alone: data.polder.<point> for the five points, input converted once. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  public int regoFivePoints() {
    int statements = 0;
    for (DecisionPoint point : DecisionPoint.values()) {
      Answer answer = answerFor(point, "rego");
      bundle.policies().evaluate(point, regoInput, Duration.ofSeconds(1), answer);
      statements += answer.contributions().size();
    }
    return statements;
  }

  /** Reload time: compile rules and policies and run the Rego tests, from bytes in memory. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 2)
  @Measurement(iterations = 5)
  public CompiledBundle reloadShippedBundle() {
    return compiler.compile(snapshot);
  }

  private static Answer answerFor(DecisionPoint point, String engine) {
    return switch (point) {
      case CLASSIFY -> new ClassifyAnswer(engine);
      case ACCESS -> new AccessAnswer(engine);
      case REDACT -> new RedactAnswer(engine);
      case ROUTE -> new RouteAnswer(engine);
      case TOOL_ACCESS -> new ToolAnswer(engine);
    };
  }
}
