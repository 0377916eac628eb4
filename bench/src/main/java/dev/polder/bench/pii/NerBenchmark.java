package dev.polder.bench.pii;

import dev.polder.pii.detect.DetectionContext;
import dev.polder.pii.detect.Finding;
import dev.polder.pii.ner.CrfNerModel;
import dev.polder.pii.ner.NameDictionary;
import dev.polder.pii.ner.NerDetector;
import dev.polder.pii.ner.PersonNameRecognizer;
import java.util.List;
import java.util.Set;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * NER on a 1 KB prompt (1024 chars, names in several scripts): the whole detector, the CRF alone
 * and the dictionary/cue recogniser alone. chars/s per core = ops/s × 1024 (one thread).
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar NerBenchmark -bm thrpt -tu s
 * java -jar bench/target/benchmarks.jar NerBenchmark -bm sample -tu ms   (p50 per text)
 * </pre>
 */
@State(Scope.Benchmark)
@Fork(
    value = 1,
    jvmArgs = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Threads(1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NerBenchmark {

  static final String TEXT_1KB = oneKilobyte();

  private NerDetector detector;
  private CrfNerModel model;
  private PersonNameRecognizer recogniser;

  @Setup
  public void load() {
    model = new CrfNerModel();
    model.load();
    recogniser = new PersonNameRecognizer(NameDictionary.bundled());
    detector =
        new NerDetector("ner", model, recogniser, Set.of("PERSON", "LOCATION", "ORGANIZATION"));
  }

  @Benchmark
  public List<Finding> detector() {
    return detector.detect(TEXT_1KB, DetectionContext.anyLanguage());
  }

  @Benchmark
  public Object crfOnly() {
    return model.tag(TEXT_1KB);
  }

  @Benchmark
  public Object recogniserOnly() {
    return recogniser.recognise(TEXT_1KB);
  }

  static String oneKilobyte() {
    String[] sentences = {
      "Please forward the signed contract to Anna Kowalczyk before Friday. ",
      "The invoice from Siemens AG was approved by the finance team in Munich. ",
      "i spoke with john smith yesterday about the renewal and the pricing. ",
      "Patient Иван Петров was admitted on Monday with chest pain. ",
      "Ask 王秀英 to confirm the delivery address for the Shanghai office. ",
      "Dear Mr. Papadopoulos, thank you for your message about the delayed order. ",
      "Summarise the quarterly report in three bullet points for the board. ",
      "The meeting with أحمد الخالدي moved to Thursday afternoon. ",
      "Our support queue grew by forty percent after the last release. ",
      "Kind regards, Maria Garcia, Customer Success, Lisbon. ",
    };
    StringBuilder sb = new StringBuilder();
    for (int i = 0; sb.length() < 1024; i++) {
      sb.append(sentences[i % sentences.length]);
    }
    return sb.substring(0, 1024);
  }
}
