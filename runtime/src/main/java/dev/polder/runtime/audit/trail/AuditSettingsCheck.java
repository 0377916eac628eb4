package dev.polder.runtime.audit.trail;

import dev.polder.runtime.audit.AuditConfig;
import dev.polder.runtime.audit.FsyncPolicy;
import dev.polder.runtime.audit.LogMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks {@link AuditSettings} and turns them into the log's {@link AuditConfig}. */
public final class AuditSettingsCheck {

  private static final Pattern SIZE =
      Pattern.compile("(\\d+)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?", Pattern.CASE_INSENSITIVE);

  private AuditSettingsCheck() {}

  /** Every problem as {@code <key>: <problem>}; empty when the settings are valid. */
  public static List<String> problems(AuditSettings settings) {
    List<String> problems = new ArrayList<>();
    if (settings.directory().isBlank()) {
      problems.add("polder.audit.directory: must name a folder");
    }
    try {
      FsyncPolicy.parse(settings.fsync());
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    if (settings.batchWindow().isNegative() || settings.batchWindow().toMillis() > 1000) {
      problems.add(
          "polder.audit.batch-window: must be between 0 and 1s, was " + settings.batchWindow());
    }
    long size = parseSize(settings.maxFileSize());
    if (size < 0) {
      problems.add(
          "polder.audit.max-file-size: expected a size such as 64MiB, 512KiB or 1048576, was '"
              + settings.maxFileSize()
              + "'");
    } else if (size < 4096) {
      problems.add("polder.audit.max-file-size: must be at least 4096 bytes, was " + size);
    }
    if (settings.maxFileAge().isNegative() || settings.maxFileAge().isZero()) {
      problems.add(
          "polder.audit.max-file-age: must be a positive duration, was " + settings.maxFileAge());
    }
    if (settings.queueCapacity() < 1) {
      problems.add(
          "polder.audit.queue-capacity: must be at least 1, was " + settings.queueCapacity());
    }
    if (logMode(settings.defaultLogMode()) == null) {
      problems.add(
          "polder.audit.default-log-mode: expected full, redacted or metadata_only, was '"
              + settings.defaultLogMode()
              + "'");
    }
    return problems;
  }

  /** The log's settings; call only when {@link #problems} found none. */
  public static AuditConfig toConfig(AuditSettings settings) {
    return new AuditConfig(
        Path.of(settings.directory()),
        parseSize(settings.maxFileSize()),
        settings.maxFileAge(),
        FsyncPolicy.parse(settings.fsync()),
        settings.batchWindow(),
        settings.queueCapacity());
  }

  /** The configured default log mode; call only when {@link #problems} found none. */
  public static LogMode defaultLogMode(AuditSettings settings) {
    return logMode(settings.defaultLogMode());
  }

  static LogMode logMode(String text) {
    String wire = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    for (LogMode mode : LogMode.values()) {
      if (mode.wireName().equals(wire)) {
        return mode;
      }
    }
    return null;
  }

  /** Bytes, with an optional binary unit (k = KiB, m = MiB, g = GiB); -1 when unreadable. */
  static long parseSize(String text) {
    Matcher m = SIZE.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      return -1;
    }
    try {
      long value = Long.parseLong(m.group(1));
      String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
      int shift =
          switch (unit.charAt(0)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
          };
      if (value > (Long.MAX_VALUE >> shift)) {
        return -1;
      }
      return value << shift;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
