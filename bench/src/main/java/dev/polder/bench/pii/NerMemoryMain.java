package dev.polder.bench.pii;

import dev.polder.pii.detect.DetectionContext;
import dev.polder.pii.ner.CrfNerModel;
import dev.polder.pii.ner.NameDictionary;
import dev.polder.pii.ner.NerDetector;
import dev.polder.pii.ner.PersonNameRecognizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Resident memory of a JVM with NER loaded and idle: loads the CRF and the dictionaries, scans a
 * text, collects garbage, then prints VmRSS and waits so {@code ps -o rss -p PID} can confirm.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.polder.bench.pii.NerMemoryMain [seconds]</pre>
 */
public final class NerMemoryMain {

  public static void main(String[] args) throws Exception {
    long before = rssKb();
    CrfNerModel model = new CrfNerModel();
    model.load();
    NerDetector detector =
        new NerDetector(
            "ner",
            model,
            new PersonNameRecognizer(NameDictionary.bundled()),
            Set.of("PERSON", "LOCATION", "ORGANIZATION"));
    int found = detector.detect(NerBenchmark.TEXT_1KB, DetectionContext.anyLanguage()).size();
    System.gc();
    Thread.sleep(1000);
    Runtime rt = Runtime.getRuntime();
    System.out.printf(
        "pid %d: model loaded in %d ms, %d findings; RSS before load %d MB, idle after load %d MB; heap used %d MB of %d MB committed%n",
        ProcessHandle.current().pid(),
        model.loadMillis(),
        found,
        before / 1024,
        rssKb() / 1024,
        (rt.totalMemory() - rt.freeMemory()) >> 20,
        rt.totalMemory() >> 20);
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    Thread.sleep(seconds * 1000L);
  }

  private static long rssKb() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }
}
