package dev.polder.pii.extract;

/**
 * Text read from an attachment and what the file really is.
 *
 * @param detectedMediaType the type Tika found from the bytes (and name): what policy should trust
 * @param declaredMediaType the type the request claimed, or null; never trusted
 * @param fileName the name the request gave, or null; never trusted
 * @param sizeBytes decoded size
 * @param text extracted text, embedded documents included
 */
public record ExtractedAttachment(
    String detectedMediaType,
    String declaredMediaType,
    String fileName,
    long sizeBytes,
    String text) {

  /** Whether the declared type disagrees with the detected one (ignoring parameters). */
  public boolean declaredTypeMismatch() {
    if (declaredMediaType == null || declaredMediaType.isBlank()) {
      return false;
    }
    return !base(declaredMediaType).equals(base(detectedMediaType));
  }

  private static String base(String mediaType) {
    int semicolon = mediaType.indexOf(';');
    return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon))
        .strip()
        .toLowerCase(java.util.Locale.ROOT);
  }
}
