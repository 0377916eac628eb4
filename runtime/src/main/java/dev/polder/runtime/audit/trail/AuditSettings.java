package dev.polder.runtime.audit.trail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The audit log as an operator configures it ({@code polder.audit.*}). Values are checked by {@link
 * AuditSettingsCheck}, which names the key of every bad one.
 */
@ConfigMapping(prefix = "polder.audit")
public interface AuditSettings {

  /** Write one record per request. Off only for throw-away set-ups: nothing is provable then. */
  @WithDefault("true")
  boolean enabled();

  /** Folder of the log files, relative to the working directory; created if missing. */
  @WithDefault("audit")
  String directory();

  /** {@code always}, {@code batch} (group commit) or {@code none}. */
  @WithDefault("batch")
  String fsync();

  /** With {@code batch}: how long the writer waits for more records to share one fsync. */
  @WithDefault("1ms")
  Duration batchWindow();

  /** A new file starts before a record would take the current one past this size (e.g. 64MiB). */
  @WithDefault("64MiB")
  String maxFileSize();

  /** A new file starts at the first append after the current one reached this age. */
  @WithDefault("24h")
  Duration maxFileAge();

  /** Appends waiting for the writer; appenders wait when it is full (nothing is dropped). */
  @WithDefault("8192")
  int queueCapacity();

  /**
   * What records keep of prompts and answers when no access decision stated a log mode (e.g. a
   * request refused before policy ran): {@code full}, {@code redacted} or {@code metadata_only}.
   */
  @WithDefault("metadata_only")
  String defaultLogMode();
}
