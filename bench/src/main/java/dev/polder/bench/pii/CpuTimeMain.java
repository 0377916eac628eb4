package dev.polder.bench.pii;

import dev.polder.pii.detect.DetectionContext;
import dev.polder.pii.extract.AttachmentExtractor;
import dev.polder.pii.extract.AttachmentLimits;
import dev.polder.pii.ner.CrfNerModel;
import dev.polder.pii.ner.NameDictionary;
import dev.polder.pii.ner.NerDetector;
import dev.polder.pii.ner.PersonNameRecognizer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Per-call CPU time (thread CPU clock) of NER on the 1 KB text and of Tika on the 100 KB DOCX/PDF,
 * next to wall time. On a shared, overloaded machine JMH's wall-clock figures mostly measure the
 * scheduler; CPU time per call is what "chars per second per core" means.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.polder.bench.pii.CpuTimeMain [iterations]</pre>
 */
public final class CpuTimeMain {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  public static void main(String[] args) throws Exception {
    int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    CrfNerModel model = new CrfNerModel();
    model.load();
    PersonNameRecognizer recogniser = new PersonNameRecognizer(NameDictionary.bundled());
    NerDetector detector =
        new NerDetector("ner", model, recogniser, Set.of("PERSON", "LOCATION", "ORGANIZATION"));
    String text = NerBenchmark.TEXT_1KB;
    report(
        "ner detector 1KB",
        iterations,
        text.length(),
        () -> detector.detect(text, DetectionContext.anyLanguage()));
    report("ner crf only 1KB", iterations, text.length(), () -> model.tag(text));
    report("ner recogniser only 1KB", iterations, text.length(), () -> recogniser.recognise(text));

    AttachmentExtractionBenchmark docs = new AttachmentExtractionBenchmark();
    docs.build();
    // Parsing runs on the extractor's pool thread: count the whole process's CPU time here.
    try (AttachmentExtractor extractor = new AttachmentExtractor(AttachmentLimits.defaults())) {
      report(
          "tika docx 100KB (process cpu)",
          iterations / 20,
          docs.docx.length,
          true,
          () -> extractor.extract(docs.docx, null, "r.docx"));
      report(
          "tika pdf 100KB (process cpu)",
          iterations / 20,
          docs.pdf.length,
          true,
          () -> extractor.extract(docs.pdf, null, "r.pdf"));
    }
    docs.close();
  }

  private static void report(String name, int n, int chars, Callable<?> call) throws Exception {
    report(name, n, chars, false, call);
  }

  private static long cpuNow(boolean process) {
    return process
        ? ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        : THREADS.getCurrentThreadCpuTime();
  }

  private static void report(String name, int n, int chars, boolean process, Callable<?> call)
      throws Exception {
    for (int i = 0; i < Math.max(50, n / 4); i++) {
      call.call(); // warm-up
    }
    long[] cpu = new long[n];
    long[] wall = new long[n];
    for (int i = 0; i < n; i++) {
      long c0 = cpuNow(process);
      long w0 = System.nanoTime();
      call.call();
      wall[i] = System.nanoTime() - w0;
      cpu[i] = cpuNow(process) - c0;
    }
    Arrays.sort(cpu);
    Arrays.sort(wall);
    double cpuTotal = Arrays.stream(cpu).sum() / 1e9;
    System.out.printf(
        "%-45s n=%d  cpu p50 %.2f ms p99 %.2f ms | wall p50 %.2f ms p99 %.2f ms | %.0f bytes or chars per cpu-second%n",
        name,
        n,
        cpu[n / 2] / 1e6,
        cpu[n * 99 / 100] / 1e6,
        wall[n / 2] / 1e6,
        wall[n * 99 / 100] / 1e6,
        chars * (double) n / cpuTotal);
  }
}
