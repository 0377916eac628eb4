package dev.polder.bench.pii;

import dev.polder.pii.extract.AttachmentExtractor;
import dev.polder.pii.extract.AttachmentLimits;
import dev.polder.pii.extract.AttachmentRejectedException;
import dev.polder.pii.extract.ExtractedAttachment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Tika text extraction of a 100 KB DOCX and a 100 KB PDF (file size), built in setup, through
 * {@link AttachmentExtractor} with its default limits (type detection, zip pre-scan, parse on the
 * bounded pool).
 *
 * <pre>java -jar bench/target/benchmarks.jar AttachmentExtractionBenchmark</pre>
 */
@State(Scope.Benchmark)
@Fork(
    value = 1,
    jvmArgs = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AttachmentExtractionBenchmark {

  static final int TARGET_BYTES = 100 * 1024;

  private AttachmentExtractor extractor;

  byte[] docx;
  byte[] pdf;

  @Setup(Level.Trial)
  public void build() throws IOException {
    // A generous timeout: on a loaded machine a wall-clock limit would cut the measurement short.
    extractor =
        new AttachmentExtractor(
            AttachmentLimits.defaults().withTimeout(java.time.Duration.ofMinutes(2)));
    docx = grow(this::docx);
    pdf = grow(this::pdf);
    System.out.printf("%nDOCX %d bytes, PDF %d bytes%n", docx.length, pdf.length);
  }

  @TearDown(Level.Trial)
  public void close() {
    extractor.close();
  }

  @Benchmark
  public ExtractedAttachment docx100k() throws AttachmentRejectedException {
    return extractor.extract(docx, null, "report.docx");
  }

  @Benchmark
  public ExtractedAttachment pdf100k() throws AttachmentRejectedException {
    return extractor.extract(pdf, null, "report.pdf");
  }

  interface Builder {
    byte[] build(int lines) throws IOException;
  }

  /** Doubles, then bisects, the number of lines until the file is about 100 KB. */
  private static byte[] grow(Builder builder) throws IOException {
    int lo = 1;
    int hi = 1;
    while (builder.build(hi).length < TARGET_BYTES) {
      lo = hi;
      hi *= 2;
    }
    while (hi - lo > 1) {
      int mid = (lo + hi) / 2;
      if (builder.build(mid).length < TARGET_BYTES) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return builder.build(hi);
  }

  static String line(int i) {
    return "Line "
        + i
        + ": customer Anna Kowalczyk (anna.k"
        + i
        + "@example.com) paid invoice INV-"
        + (10000 + i)
        + " on time.";
  }

  private byte[] docx(int lines) throws IOException {
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (int i = 0; i < lines; i++) {
        doc.createParagraph()
            .createRun()
            .setText(
                line(i) + " " + Integer.toHexString(i * 7919) + Integer.toString(i * 104729, 36));
      }
      doc.write(out);
      return out.toByteArray();
    }
  }

  private byte[] pdf(int lines) throws IOException {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (int start = 0; start < lines; start += 50) {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
          content.beginText();
          content.setFont(font, 9);
          content.setLeading(12);
          content.newLineAtOffset(40, 750);
          for (int i = start; i < Math.min(lines, start + 50); i++) {
            content.showText(line(i));
            content.newLine();
          }
          content.endText();
        }
      }
      doc.save(out);
      return out.toByteArray();
    }
  }
}
