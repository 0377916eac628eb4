package dev.polder.bench.pii;

import dev.polder.pii.detect.ConfiguredDetector;
import dev.polder.pii.detect.DetectionContext;
import dev.polder.pii.detect.DetectionEngine;
import dev.polder.pii.detect.DetectorCatalog;
import dev.polder.pii.detect.Finding;
import dev.polder.pii.registry.DetectorRegistry;
import dev.polder.pii.registry.RegistryLoader;
import java.util.List;
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
 * Pattern and secret detectors of the shipped detectors.yaml (NER skipped) on a 1 KB prompt, with
 * overlap resolution. Sample mode so the report has percentiles (p50 target: 50 µs).
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar PatternDetectionBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PatternDetectionBenchmark {

  /** About 1 KB: a support ticket with a few entities and many look-alikes. */
  public static final String PROMPT_1KB =
      "Hi team, customer Jan de Vries (jan.de.vries@example.nl, +31 20 794 0000) reports that the"
          + " invoice for order ORD-2024-558812 was charged twice to card 4111 1111 1111 1111. He"
          + " asks for the refund to IBAN NL91 ABNA 0417 1643 00. Since the upgrade to version"
          + " 4.12.1 on 2024-03-12T10:22:01Z, the portal at 192.168.10.42 returns error 502 for"
          + " request 3f2b8c1e-9a4d-4e7f-b6c2-1d5e8f9a0b3c. Our logs show the API key"
          + " AKIAIOSFODNN7EXAMPLE was used from the mobile app build 7.3.18 and the total of"
          + " EUR 1,299.00 was booked at 10:30. Please check whether the payment provider"
          + " retried the capture after the timeout of 30 seconds and whether ticket 48213 is a"
          + " duplicate. He also mentioned that the delivery to Utrecht was late by 3 days and"
          + " that he would like a call back between 9 and 17 on weekdays. Can you summarise the"
          + " case, draft a polite answer and list the next steps for the finance team? The"
          + " previous agent already offered a voucher worth 25 euros but the customer declined"
          + " it and asked for a manager instead. Thanks!";

  /** all = every pattern, secret and phone detector; no-phone = without libphonenumber. */
  @Param({"all", "no-phone"})
  public String detectors;

  private DetectionEngine engine;
  private final DetectionContext ctx = DetectionContext.anyLanguage();

  @Setup
  public void setUp() throws Exception {
    DetectorRegistry registry =
        DetectorRegistry.fromClasspath(
            new RegistryLoader(RegistryLoader.builtInFactories(), Set.of("ner")));
    List<ConfiguredDetector> chosen =
        registry.enabledDetectors().stream()
            .filter(d -> detectors.equals("all") || !d.name().equals("phone"))
            .toList();
    engine = new DetectionEngine(DetectorCatalog.of(chosen));
  }

  @Benchmark
  public List<Finding> detect1kb() {
    return engine.detect(PROMPT_1KB, ctx);
  }
}
