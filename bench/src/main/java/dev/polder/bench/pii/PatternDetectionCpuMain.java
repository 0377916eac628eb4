package dev.polder.bench.pii;

import dev.polder.pii.detect.ConfiguredDetector;
import dev.polder.pii.detect.DetectionContext;
import dev.polder.pii.detect.DetectionEngine;
import dev.polder.pii.detect.DetectorCatalog;
import dev.polder.pii.registry.DetectorRegistry;
import dev.polder.pii.registry.RegistryLoader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Thread CPU time per detection of the 1 KB prompt, per detector and for the whole set. On a
 * shared, overloaded machine wall-clock JMH samples mostly measure waiting for a core; CPU time
 * does not. Batches of 10 calls, percentiles over batches.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.polder.bench.pii.PatternDetectionCpuMain
 * </pre>
 */
public final class PatternDetectionCpuMain {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  public static void main(String[] args) throws Exception {
    DetectorRegistry registry =
        DetectorRegistry.fromClasspath(
            new RegistryLoader(RegistryLoader.builtInFactories(), Set.of("ner")));
    List<ConfiguredDetector> all = registry.enabledDetectors();
    report("all pattern+secret+phone", all);
    report(
        "pattern+secret (no phone)", all.stream().filter(d -> !d.name().equals("phone")).toList());
    for (ConfiguredDetector d : all) {
      report("  " + d.name(), List.of(d));
    }
  }

  static void report(String label, List<ConfiguredDetector> detectors) {
    DetectionEngine engine = new DetectionEngine(DetectorCatalog.of(detectors));
    DetectionContext ctx = DetectionContext.anyLanguage();
    String prompt = PatternDetectionBenchmark.PROMPT_1KB;
    for (int i = 0; i < 20_000; i++) {
      engine.detect(prompt, ctx);
    }
    int batches = 2_000;
    double[] perCallMicros = new double[batches];
    for (int b = 0; b < batches; b++) {
      long start = THREADS.getCurrentThreadCpuTime();
      for (int i = 0; i < 10; i++) {
        engine.detect(prompt, ctx);
      }
      perCallMicros[b] = (THREADS.getCurrentThreadCpuTime() - start) / 10 / 1000.0;
    }
    Arrays.sort(perCallMicros);
    System.out.printf(
        "%-28s CPU µs per 1 KB prompt: p50 %7.1f  p90 %7.1f  p99 %7.1f%n",
        label,
        perCallMicros[batches / 2],
        perCallMicros[batches * 9 / 10],
        perCallMicros[batches * 99 / 100]);
  }
}
