package dev.polder.pii.extract;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.SecureContentHandler;
import org.xml.sax.SAXException;

/**
 * Reads the text of an attachment with Apache Tika. The declared media type and file name are not
 * trusted: the real type is detected from the bytes and reported for policy. Every read is bounded
 * ({@link AttachmentLimits}): size, extracted text, nesting, unpacked size, time; a file over a
 * limit, encrypted or unreadable is refused with {@link AttachmentRejectedException}.
 *
 * <p>Parsing runs on a small pool of its own threads so a timeout can abandon it; the pool and its
 * queue are bounded, and extra work is refused as {@link RejectionReason#BUSY}. Thread-safe; close
 * it to stop its threads.
 */
public final class AttachmentExtractor implements AutoCloseable {

  private final AttachmentLimits limits;
  private final Parser parser;
  private final Detector detector;
  private final ThreadPoolExecutor pool;

  public AttachmentExtractor(AttachmentLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.parser = SharedTika.PARSER;
    this.detector = SharedTika.DETECTOR;
    AtomicInteger threads = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            limits.parserThreads(),
            limits.parserThreads(),
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(Math.max(1, limits.queueLength())),
            r -> {
              Thread t = new Thread(r, "polder-attachment-parser-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.pool.allowCoreThreadTimeOut(true);
  }

  /** Tika's configuration is read from the class path once; its parser is thread-safe. */
  private static final class SharedTika {
    static final TikaConfig CONFIG = TikaConfig.getDefaultConfig();
    static final Parser PARSER = new AutoDetectParser(CONFIG);
    static final Detector DETECTOR = CONFIG.getDetector();
  }

  public AttachmentLimits limits() {
    return limits;
  }

  /**
   * Detects the real media type of {@code data} and extracts its text.
   *
   * @param declaredMediaType what the request claimed (may be null)
   * @param fileName the name the request gave (may be null); helps detection of plain text
   */
  public ExtractedAttachment extract(byte[] data, String declaredMediaType, String fileName)
      throws AttachmentRejectedException {
    Objects.requireNonNull(data, "data");
    if (data.length > limits.maxDecodedBytes()) {
      throw new AttachmentRejectedException(
          RejectionReason.TOO_LARGE, data.length + " bytes, limit " + limits.maxDecodedBytes());
    }
    String detected = detect(data, fileName);
    if (ZipBombGuard.isZipBased(detected)) {
      ZipBombGuard.check(data, limits);
    }
    if (XmlEntityGuard.isXml(detected) || detected.startsWith("text/")) {
      XmlEntityGuard.check(data);
    }
    String text = parseWithTimeout(data, detected, fileName);
    return new ExtractedAttachment(detected, declaredMediaType, fileName, data.length, text);
  }

  /** The media type Tika finds from the content, with the file name as a hint for text formats. */
  public String detect(byte[] data, String fileName) throws AttachmentRejectedException {
    Metadata metadata = new Metadata();
    if (fileName != null && !fileName.isBlank()) {
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    }
    try (TikaInputStream in = TikaInputStream.get(data)) {
      MediaType type = detector.detect(in, metadata);
      return type.getBaseType().toString();
    } catch (IOException e) {
      throw new AttachmentRejectedException(RejectionReason.MALFORMED, "type detection failed", e);
    }
  }

  private String parseWithTimeout(byte[] data, String detected, String fileName)
      throws AttachmentRejectedException {
    Future<String> future;
    try {
      future = pool.submit(() -> parse(data, detected, fileName));
    } catch (RejectedExecutionException e) {
      throw new AttachmentRejectedException(
          RejectionReason.BUSY, "parser pool and queue are full", e);
    }
    try {
      return future.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new AttachmentRejectedException(
          RejectionReason.TIMEOUT, "parse took longer than " + limits.timeout(), e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new AttachmentRejectedException(
          RejectionReason.TIMEOUT, "interrupted while parsing", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AttachmentRejectedException rejected) {
        throw rejected;
      }
      throw new AttachmentRejectedException(
          RejectionReason.MALFORMED, "parser failed: " + e.getCause(), e.getCause());
    }
  }

  private String parse(byte[] data, String detected, String fileName)
      throws AttachmentRejectedException {
    Metadata metadata = new Metadata();
    metadata.set(Metadata.CONTENT_TYPE, detected);
    if (fileName != null && !fileName.isBlank()) {
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    }
    ParseContext context = new ParseContext();
    context.set(Parser.class, parser);
    DepthLimitedEmbeddedExtractor embedded =
        new DepthLimitedEmbeddedExtractor(context, limits.maxNestingDepth());
    context.set(EmbeddedDocumentExtractor.class, embedded);
    BodyContentHandler body = new BodyContentHandler(limits.maxExtractedChars());
    try (TikaInputStream in = TikaInputStream.get(data)) {
      SecureContentHandler secure = new SecureContentHandler(body, in);
      secure.setMaximumCompressionRatio(limits.maxCompressionRatio());
      secure.setMaximumDepth(200);
      secure.setMaximumPackageEntryDepth(Math.max(1, limits.maxNestingDepth() + 1));
      try {
        parser.parse(in, secure, metadata, context);
      } catch (SAXException e) {
        secure.throwIfCauseOf(e);
        throw e;
      }
    } catch (EncryptedDocumentException e) {
      throw new AttachmentRejectedException(
          RejectionReason.ENCRYPTED, detected + " is encrypted", e);
    } catch (SAXException | TikaException | IOException | RuntimeException e) {
      throw classify(e, detected, embedded);
    }
    if (embedded.exceeded()) {
      throw new AttachmentRejectedException(
          RejectionReason.TOO_DEEPLY_NESTED, "nesting deeper than " + limits.maxNestingDepth());
    }
    return body.toString();
  }

  private AttachmentRejectedException classify(
      Exception e, String detected, DepthLimitedEmbeddedExtractor embedded) {
    if (WriteLimitReachedException.isWriteLimitReached(e)) {
      return new AttachmentRejectedException(
          RejectionReason.TEXT_TOO_LONG,
          "more than " + limits.maxExtractedChars() + " characters",
          e);
    }
    if (embedded.exceeded() || hasCause(e, DepthLimitedEmbeddedExtractor.TooDeep.class)) {
      return new AttachmentRejectedException(
          RejectionReason.TOO_DEEPLY_NESTED, "nesting deeper than " + limits.maxNestingDepth(), e);
    }
    if (hasCause(e, EncryptedDocumentException.class)) {
      return new AttachmentRejectedException(
          RejectionReason.ENCRYPTED, detected + " is encrypted", e);
    }
    String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
    if (message.contains("zip bomb")) {
      return new AttachmentRejectedException(RejectionReason.ZIP_BOMB, e.getMessage(), e);
    }
    if (message.contains("entity")
        && (message.contains("expansion") || message.contains("limit"))) {
      return new AttachmentRejectedException(
          RejectionReason.XML_ENTITY_EXPANSION, e.getMessage(), e);
    }
    return new AttachmentRejectedException(
        RejectionReason.MALFORMED, detected + " could not be parsed: " + e.getMessage(), e);
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
      if (t instanceof SAXException sax
          && sax.getException() != null
          && type.isInstance(sax.getException())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
