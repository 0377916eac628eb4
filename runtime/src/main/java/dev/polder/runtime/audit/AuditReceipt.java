package dev.polder.runtime.audit;

import java.nio.file.Path;

/**
 * Proof that a record was appended (and forced to disk as the fsync policy says).
 *
 * @param seq the record's sequence number
 * @param hash SHA-256 of the record's line, which the next record carries as {@code prev}
 * @param file the log file that holds it
 */
public record AuditReceipt(long seq, String hash, Path file) {}
