package dev.polder.runtime.audit;

import java.util.Locale;

/** When an appended record is forced to disk before its caller is released. */
public enum FsyncPolicy {
  /** One fsync per record: the caller returns once its own record is on disk. */
  ALWAYS,
  /**
   * Group commit: records appended within the batch window share one fsync; every caller returns
   * only after the fsync that covers its record.
   */
  BATCH,
  /**
   * No fsync: the caller returns once the line is in the operating system's buffers. Survives a
   * crash of the gateway process, not of the machine or its power: unsafe for audit duty.
   */
  NONE;

  /** Parses a configuration value ({@code always}, {@code batch}, {@code none}). */
  public static FsyncPolicy parse(String value) {
    if (value != null) {
      for (FsyncPolicy policy : values()) {
        if (policy.name().equals(value.trim().toUpperCase(Locale.ROOT))) {
          return policy;
        }
      }
    }
    throw new IllegalArgumentException(
        "polder.audit.fsync: expected always, batch or none, was '" + value + "'");
  }
}
