package dev.polder.pii.extract;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A cheap look at the first bytes of a data URL: a declared media type is not trusted, so a PDF
 * labelled {@code image/png} must still be read as a PDF.
 */
final class DocumentMagic {

  private static final byte[][] SIGNATURES = {
    "%PDF".getBytes(StandardCharsets.US_ASCII),
    {'P', 'K', 3, 4}, // zip: OOXML, ODF, EPUB
    {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}, // OLE2: .doc, .xls, .msg
    "{\\rtf".getBytes(StandardCharsets.US_ASCII),
    "<?xml".getBytes(StandardCharsets.US_ASCII),
    "<html".getBytes(StandardCharsets.US_ASCII),
  };

  private DocumentMagic() {}

  static boolean startsLikeDocument(DataUrl data) {
    if (!data.base64()) {
      return true; // percent-encoded text is text whatever the label says
    }
    String head = data.payload().strip();
    head = head.substring(0, Math.min(head.length(), 16));
    head = head.substring(0, head.length() - head.length() % 4);
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(head);
    } catch (IllegalArgumentException e) {
      return true; // unreadable: let the extractor refuse it properly
    }
    for (byte[] signature : SIGNATURES) {
      if (bytes.length >= signature.length && startsWith(bytes, signature)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
