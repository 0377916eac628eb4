package dev.polder.pii.extract;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on reading one attachment; every one has a safe default and can be configured.
 *
 * @param maxDecodedBytes size of the file after base64 decoding
 * @param maxExtractedChars characters of text extracted from it (embedded documents included)
 * @param maxNestingDepth documents inside documents (a zip in a zip, a sheet in a DOCX): 1 means
 *     the file's own direct children may be read but not theirs
 * @param maxUnpackedBytes total uncompressed size of the entries of a zip-based file
 * @param maxZipEntries entries of a zip-based file
 * @param maxCompressionRatio text characters per input byte above which a file is a bomb
 * @param timeout wall-clock time for one extraction
 * @param parserThreads extractions that run at once; more wait in a queue
 * @param queueLength extractions that may wait; more are refused as {@link RejectionReason#BUSY}
 */
public record AttachmentLimits(
    long maxDecodedBytes,
    int maxExtractedChars,
    int maxNestingDepth,
    long maxUnpackedBytes,
    int maxZipEntries,
    long maxCompressionRatio,
    Duration timeout,
    int parserThreads,
    int queueLength) {

  public AttachmentLimits {
    Objects.requireNonNull(timeout, "timeout");
    positive("maxDecodedBytes", maxDecodedBytes);
    positive("maxExtractedChars", maxExtractedChars);
    positive("maxUnpackedBytes", maxUnpackedBytes);
    positive("maxZipEntries", maxZipEntries);
    positive("maxCompressionRatio", maxCompressionRatio);
    positive("parserThreads", parserThreads);
    if (maxNestingDepth < 0 || queueLength < 0) {
      throw new IllegalArgumentException("maxNestingDepth and queueLength must not be negative");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
  }

  /** 20 MiB files, 1 M characters, depth 3, 200 MiB unpacked, 10 s, 2 parsers, 16 waiting. */
  public static AttachmentLimits defaults() {
    return new AttachmentLimits(
        20L << 20, 1_000_000, 3, 200L << 20, 10_000, 100, Duration.ofSeconds(10), 2, 16);
  }

  public AttachmentLimits withMaxDecodedBytes(long value) {
    return new AttachmentLimits(
        value,
        maxExtractedChars,
        maxNestingDepth,
        maxUnpackedBytes,
        maxZipEntries,
        maxCompressionRatio,
        timeout,
        parserThreads,
        queueLength);
  }

  public AttachmentLimits withMaxExtractedChars(int value) {
    return new AttachmentLimits(
        maxDecodedBytes,
        value,
        maxNestingDepth,
        maxUnpackedBytes,
        maxZipEntries,
        maxCompressionRatio,
        timeout,
        parserThreads,
        queueLength);
  }

  public AttachmentLimits withMaxNestingDepth(int value) {
    return new AttachmentLimits(
        maxDecodedBytes,
        maxExtractedChars,
        value,
        maxUnpackedBytes,
        maxZipEntries,
        maxCompressionRatio,
        timeout,
        parserThreads,
        queueLength);
  }

  public AttachmentLimits withMaxUnpackedBytes(long value) {
    return new AttachmentLimits(
        maxDecodedBytes,
        maxExtractedChars,
        maxNestingDepth,
        value,
        maxZipEntries,
        maxCompressionRatio,
        timeout,
        parserThreads,
        queueLength);
  }

  public AttachmentLimits withTimeout(Duration value) {
    return new AttachmentLimits(
        maxDecodedBytes,
        maxExtractedChars,
        maxNestingDepth,
        maxUnpackedBytes,
        maxZipEntries,
        maxCompressionRatio,
        value,
        parserThreads,
        queueLength);
  }

  private static void positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }
}
