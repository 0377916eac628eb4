package dev.polder.runtime.audit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the audit log, filled from {@code polder.audit.*} configuration.
 *
 * @param directory where the log files live (created if missing)
 * @param maxFileBytes a file is closed and a new one started before it would grow past this size
 * @param maxFileAge a file is closed and a new one started at the first append after this age
 * @param fsync when records are forced to disk before their callers are released
 * @param batchWindow with {@link FsyncPolicy#BATCH}: how long the writer waits after the first
 *     record of a batch for more to share its fsync (zero: only those already queued)
 * @param queueCapacity appends waiting for the writer; a full queue makes appenders wait
 */
public record AuditConfig(
    Path directory,
    long maxFileBytes,
    Duration maxFileAge,
    FsyncPolicy fsync,
    Duration batchWindow,
    int queueCapacity) {

  public static final long DEFAULT_MAX_FILE_BYTES = 64L * 1024 * 1024;
  public static final Duration DEFAULT_MAX_FILE_AGE = Duration.ofHours(24);
  public static final Duration DEFAULT_BATCH_WINDOW = Duration.ofMillis(1);
  public static final int DEFAULT_QUEUE_CAPACITY = 8192;

  public AuditConfig {
    Objects.requireNonNull(directory, "polder.audit.directory is required");
    Objects.requireNonNull(fsync, "polder.audit.fsync is required");
    if (maxFileBytes < 4096) {
      throw new IllegalArgumentException(
          "polder.audit.max-file-size must be at least 4096 bytes, was " + maxFileBytes);
    }
    if (maxFileAge == null || maxFileAge.isNegative() || maxFileAge.isZero()) {
      throw new IllegalArgumentException(
          "polder.audit.max-file-age must be a positive duration, was " + maxFileAge);
    }
    if (batchWindow == null || batchWindow.isNegative() || batchWindow.toMillis() > 1000) {
      throw new IllegalArgumentException(
          "polder.audit.batch-window must be between 0 and 1s, was " + batchWindow);
    }
    if (queueCapacity < 1) {
      throw new IllegalArgumentException(
          "polder.audit.queue-capacity must be at least 1, was " + queueCapacity);
    }
  }

  /** Defaults for everything but the directory and fsync policy. */
  public static AuditConfig of(Path directory, FsyncPolicy fsync) {
    return new AuditConfig(
        directory,
        DEFAULT_MAX_FILE_BYTES,
        DEFAULT_MAX_FILE_AGE,
        fsync,
        DEFAULT_BATCH_WINDOW,
        DEFAULT_QUEUE_CAPACITY);
  }

  public AuditConfig withMaxFileBytes(long bytes) {
    return new AuditConfig(directory, bytes, maxFileAge, fsync, batchWindow, queueCapacity);
  }

  public AuditConfig withMaxFileAge(Duration age) {
    return new AuditConfig(directory, maxFileBytes, age, fsync, batchWindow, queueCapacity);
  }

  public AuditConfig withBatchWindow(Duration window) {
    return new AuditConfig(directory, maxFileBytes, maxFileAge, fsync, window, queueCapacity);
  }
}
