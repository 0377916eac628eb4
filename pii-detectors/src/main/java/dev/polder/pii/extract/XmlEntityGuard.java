package dev.polder.pii.extract;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Refuses XML that declares entities (the "billion laughs" expands a few hundred bytes of nested
 * entity declarations into gigabytes). Documents people attach do not declare entities, so the
 * declaration itself is reason enough, whatever parser would read the file later.
 */
final class XmlEntityGuard {

  /** The prolog and DTD come first; entity declarations after this many bytes are not valid XML. */
  private static final int PROLOG_BYTES = 64 * 1024;

  private XmlEntityGuard() {}

  static boolean isXml(String mediaType) {
    String type = mediaType.toLowerCase(Locale.ROOT);
    return type.contains("xml") && !ZipBombGuard.isZipBased(type);
  }

  static void check(byte[] data) throws AttachmentRejectedException {
    int length = Math.min(data.length, PROLOG_BYTES);
    String prolog = decode(data, length);
    if (prolog.contains("<!ENTITY")) {
      throw new AttachmentRejectedException(
          RejectionReason.XML_ENTITY_EXPANSION, "XML document declares entities in its DTD");
    }
  }

  /** UTF-16 XML declares entities in UTF-16; check both encodings' view of the prolog. */
  private static String decode(byte[] data, int length) {
    boolean utf16 =
        length >= 2
            && ((data[0] == (byte) 0xFE && data[1] == (byte) 0xFF)
                || (data[0] == (byte) 0xFF && data[1] == (byte) 0xFE)
                || data[0] == 0
                || data[1] == 0);
    return new String(data, 0, length, utf16 ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8);
  }
}
