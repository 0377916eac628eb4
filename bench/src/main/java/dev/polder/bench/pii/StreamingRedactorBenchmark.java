package dev.polder.bench.pii;

import dev.polder.pii.detect.DetectionContext;
import dev.polder.pii.detect.DetectionEngine;
import dev.polder.pii.redact.HmacHasher;
import dev.polder.pii.redact.InMemoryPseudonymVault;
import dev.polder.pii.redact.RedactionPolicy;
import dev.polder.pii.redact.Redactor;
import dev.polder.pii.registry.DetectorRegistry;
import dev.polder.pii.registry.RegistryLoader;
import dev.polder.pii.stream.StreamingRedactor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of scanning a streamed 1 KB answer delivered in 4-character deltas (about one token each),
 * per window size: the whole stream through {@link StreamingRedactor}, reported per stream. The
 * time-to-first-token cost of the window is structural: nothing leaves before {@code window}
 * characters have arrived (printed by {@link #main}).
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar StreamingRedactorBenchmark
 * java -cp bench/target/benchmarks.jar dev.polder.bench.pii.StreamingRedactorBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StreamingRedactorBenchmark {

  @Param({"32", "64", "128"})
  public int window;

  private DetectionEngine engine;
  private Redactor redactor;
  private List<String> deltas;

  @Setup
  public void setUp() throws Exception {
    engine =
        new DetectionEngine(
            DetectorRegistry.fromClasspath(
                new RegistryLoader(RegistryLoader.builtInFactories(), Set.of("ner"))));
    redactor =
        new Redactor(
            RedactionPolicy.fromConfig(Map.of("default", "mask")),
            new HmacHasher(new byte[32]),
            new InMemoryPseudonymVault(Duration.ofMinutes(10)));
    deltas = deltas(PatternDetectionBenchmark.PROMPT_1KB, 4);
  }

  static List<String> deltas(String text, int size) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < text.length(); i += size) {
      out.add(text.substring(i, Math.min(text.length(), i + size)));
    }
    return out;
  }

  @Benchmark
  public int stream1kb() {
    StreamingRedactor s =
        new StreamingRedactor(engine, DetectionContext.anyLanguage(), redactor, "bench", window);
    int emitted = 0;
    for (String delta : deltas) {
      emitted += s.feed(delta).length();
    }
    return emitted + s.flush().length();
  }

  /** Prints, per window, how many 4-character deltas arrive before the first byte is emitted. */
  public static void main(String[] args) throws Exception {
    StreamingRedactorBenchmark b = new StreamingRedactorBenchmark();
    for (int w : new int[] {32, 64, 128}) {
      b.window = w;
      b.setUp();
      StreamingRedactor s =
          new StreamingRedactor(b.engine, DetectionContext.anyLanguage(), b.redactor, "ttft", w);
      int n = 0;
      for (String delta : b.deltas) {
        n++;
        if (!s.feed(delta).isEmpty()) {
          break;
        }
      }
      System.out.printf(
          "window %3d chars: first text emitted after delta %d (%d chars held)%n", w, n, n * 4);
    }
  }
}
