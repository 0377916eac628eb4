package dev.polder.pii.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AttachmentExtractorTest {

  private static AttachmentExtractor extractor;

  @BeforeAll
  static void start() {
    extractor = new AttachmentExtractor(AttachmentLimits.defaults());
  }

  @AfterAll
  static void stop() {
    extractor.close();
  }

  static Stream<Arguments> documents() {
    return Stream.of(
        Arguments.of(
            "docx",
            Fixtures.docx("Customer: Anna Kowalczyk", "IBAN DE89 3704 0044 0532 0130 00"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "Anna Kowalczyk"),
        Arguments.of(
            "xlsx",
            Fixtures.xlsx(new String[][] {{"name", "email"}, {"John Smith", "john@example.com"}}),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "john@example.com"),
        Arguments.of(
            "pdf",
            Fixtures.pdf("Patient: Maria Garcia", "Date of birth: 1984-03-12"),
            "application/pdf",
            "Maria Garcia"),
        Arguments.of(
            "txt",
            "Call me at +31 20 123 4567".getBytes(StandardCharsets.UTF_8),
            "text/plain",
            "+31 20 123 4567"),
        Arguments.of(
            "html",
            "<html><body><p>Contact: jane.doe@example.org</p></body></html>"
                .getBytes(StandardCharsets.UTF_8),
            "text/html",
            "jane.doe@example.org"),
        Arguments.of(
            "zip",
            Fixtures.zip("inner.docx", Fixtures.docx("Inside a zip: Petra Novak")),
            "application/zip",
            "Petra Novak"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void extractsTextAndDetectsTheRealType(
      String ext, byte[] data, String expectedType, String expectedText)
      throws AttachmentRejectedException {
    ExtractedAttachment got = extractor.extract(data, null, "upload." + ext);
    assertEquals(expectedType, got.detectedMediaType());
    assertTrue(got.text().contains(expectedText), () -> "text was: " + got.text());
    assertEquals(data.length, got.sizeBytes());
  }

  @Test
  void declaredTypeAndNameAreNotTrusted() throws AttachmentRejectedException {
    byte[] pdf = Fixtures.pdf("Secret: Maria Garcia");
    ExtractedAttachment got = extractor.extract(pdf, "image/png", "holiday.png");
    assertEquals("application/pdf", got.detectedMediaType());
    assertTrue(got.declaredTypeMismatch());
    assertTrue(got.text().contains("Maria Garcia"));
  }

  static Stream<Arguments> refused() {
    AttachmentLimits d = AttachmentLimits.defaults();
    return Stream.of(
        Arguments.of(
            "too large",
            d.withMaxDecodedBytes(100),
            Fixtures.pdf("x".repeat(50), "y"),
            RejectionReason.TOO_LARGE),
        Arguments.of(
            "too much text",
            d.withMaxExtractedChars(500),
            Fixtures.docx("word ".repeat(400)),
            RejectionReason.TEXT_TOO_LONG),
        Arguments.of(
            "zip bomb",
            d.withMaxUnpackedBytes(10L << 20),
            Fixtures.zipBomb(40),
            RejectionReason.ZIP_BOMB),
        Arguments.of(
            "nested too deep",
            d.withMaxNestingDepth(2),
            Fixtures.nestedZip(5, "deep secret"),
            RejectionReason.TOO_DEEPLY_NESTED),
        Arguments.of(
            "billion laughs", d, Fixtures.billionLaughs(), RejectionReason.XML_ENTITY_EXPANSION),
        Arguments.of(
            "encrypted pdf",
            d,
            Fixtures.encryptedPdf("s3cret", "Account 12345678"),
            RejectionReason.ENCRYPTED),
        Arguments.of(
            "timeout",
            d.withTimeout(Duration.ofMillis(1)),
            Fixtures.pdf(
                Stream.generate(() -> "A line of text for the slow parse.")
                    .limit(2000)
                    .toArray(String[]::new)),
            RejectionReason.TIMEOUT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void refusesFilesOverALimitWithATypedReason(
      String name, AttachmentLimits limits, byte[] data, RejectionReason reason) {
    try (AttachmentExtractor limited = new AttachmentExtractor(limits)) {
      AttachmentRejectedException e =
          assertThrows(AttachmentRejectedException.class, () -> limited.extract(data, null, null));
      assertEquals(reason, e.reason(), e::getMessage);
      assertFalse(e.userMessage().isBlank());
      assertTrue(e.httpStatus() >= 400 && e.httpStatus() < 600);
    }
  }

  @Test
  void nestingWithinTheLimitIsRead() throws AttachmentRejectedException {
    ExtractedAttachment got =
        extractor.extract(Fixtures.nestedZip(2, "shallow secret"), null, null);
    assertTrue(got.text().contains("shallow secret"), got.text());
  }

  @Test
  void brokenPdfIsRefusedAsMalformed() {
    byte[] broken =
        "%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage".getBytes(StandardCharsets.US_ASCII);
    AttachmentRejectedException e =
        assertThrows(
            AttachmentRejectedException.class,
            () -> extractor.extract(broken, "application/pdf", "x.pdf"));
    assertEquals(RejectionReason.MALFORMED, e.reason(), e::getMessage);
  }
}
