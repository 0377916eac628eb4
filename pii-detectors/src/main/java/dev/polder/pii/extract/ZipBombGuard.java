package dev.polder.pii.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Walks the entries of a zip-based file (zip, OOXML, ODF, EPUB, JAR) before any parser sees it,
 * inflating into nothing and counting: more entries or more uncompressed bytes than the limits
 * allow is a bomb. Bounded by construction: it stops at the first limit crossed.
 */
final class ZipBombGuard {

  private static final Set<String> ZIP_BASED_PREFIXES =
      Set.of(
          "application/zip",
          "application/x-zip",
          "application/x-tika-ooxml",
          "application/vnd.openxmlformats-officedocument",
          "application/vnd.ms-excel.sheet.macroenabled",
          "application/vnd.ms-word.document.macroenabled",
          "application/vnd.ms-powerpoint.presentation.macroenabled",
          "application/vnd.oasis.opendocument",
          "application/epub+zip",
          "application/java-archive",
          "application/x-tika-java-enterprise-archive");

  private ZipBombGuard() {}

  static boolean isZipBased(String mediaType) {
    String type = mediaType.toLowerCase(java.util.Locale.ROOT);
    return ZIP_BASED_PREFIXES.stream().anyMatch(type::startsWith);
  }

  static void check(byte[] data, AttachmentLimits limits) throws AttachmentRejectedException {
    byte[] sink = new byte[64 * 1024];
    long unpacked = 0;
    int entries = 0;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(data))) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        entries++;
        if (entries > limits.maxZipEntries()) {
          throw new AttachmentRejectedException(
              RejectionReason.ZIP_BOMB, "more than " + limits.maxZipEntries() + " zip entries");
        }
        if (entry.isDirectory()) {
          continue;
        }
        int n;
        while ((n = zip.read(sink)) > 0) {
          unpacked += n;
          if (unpacked > limits.maxUnpackedBytes()) {
            throw new AttachmentRejectedException(
                RejectionReason.ZIP_BOMB,
                "unpacks to more than " + limits.maxUnpackedBytes() + " bytes from " + data.length);
          }
        }
      }
    } catch (IOException e) {
      throw new AttachmentRejectedException(
          RejectionReason.MALFORMED, "unreadable zip structure: " + e.getMessage(), e);
    }
  }
}
