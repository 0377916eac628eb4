package dev.polder.pii.extract;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * An RFC 2397 data URL ({@code data:application/pdf;base64,JVBER...}) or, as OpenAI's {@code
 * file_data} also accepts, bare base64. Decoding checks the size first, so an oversized attachment
 * is refused without allocating it.
 *
 * @param mediaType the declared media type, lower case, without parameters; null when absent
 * @param base64 whether the payload is base64 (otherwise percent-encoded text)
 * @param payload the encoded data after the comma
 */
public record DataUrl(String mediaType, boolean base64, String payload) {

  /** Parses a data URL, or bare base64 when {@code value} does not start with {@code data:}. */
  public static DataUrl parse(String value) throws AttachmentRejectedException {
    if (value == null) {
      throw new AttachmentRejectedException(RejectionReason.INVALID_ENCODING, "no data");
    }
    if (!value.regionMatches(true, 0, "data:", 0, 5)) {
      return new DataUrl(null, true, value.strip());
    }
    int comma = value.indexOf(',');
    if (comma < 0) {
      throw new AttachmentRejectedException(
          RejectionReason.INVALID_ENCODING, "data URL without a comma");
    }
    String header = value.substring(5, comma);
    boolean isBase64 = false;
    String mediaType = null;
    String[] parts = header.split(";");
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i].strip();
      if (i == 0 && part.contains("/")) {
        mediaType = part.toLowerCase(Locale.ROOT);
      } else if (part.equalsIgnoreCase("base64")) {
        isBase64 = true;
      }
    }
    return new DataUrl(mediaType, isBase64, value.substring(comma + 1));
  }

  /** Upper bound of the decoded size, known without decoding. */
  public long decodedSizeUpperBound() {
    return base64 ? (payload.length() / 4L + 1) * 3 : payload.length();
  }

  /** The decoded bytes, refused when larger than {@code maxBytes} or not valid base64. */
  public byte[] decode(long maxBytes) throws AttachmentRejectedException {
    long estimate = decodedSizeUpperBound();
    // Whitespace and padding make the estimate generous; allow for them before refusing.
    if (estimate > maxBytes + 3 && estimate - countIgnorable() * 3L / 4 > maxBytes + 3) {
      throw new AttachmentRejectedException(
          RejectionReason.TOO_LARGE, "about " + estimate + " bytes, limit " + maxBytes);
    }
    byte[] bytes;
    try {
      bytes =
          base64
              ? Base64.getMimeDecoder().decode(payload)
              : java.net.URLDecoder.decode(payload, StandardCharsets.UTF_8)
                  .getBytes(StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new AttachmentRejectedException(
          RejectionReason.INVALID_ENCODING, "invalid " + (base64 ? "base64" : "URL encoding"), e);
    }
    if (bytes.length > maxBytes) {
      throw new AttachmentRejectedException(
          RejectionReason.TOO_LARGE, bytes.length + " bytes, limit " + maxBytes);
    }
    if (base64 && bytes.length == 0 && !payload.isBlank()) {
      throw new AttachmentRejectedException(RejectionReason.INVALID_ENCODING, "invalid base64");
    }
    return bytes;
  }

  private int countIgnorable() {
    int n = 0;
    for (int i = 0; i < payload.length(); i++) {
      char c = payload.charAt(i);
      if (Character.isWhitespace(c) || c == '=') {
        n++;
      }
    }
    return n;
  }

  @Override
  public String toString() {
    // Never print the payload: it is the user's file.
    return "DataUrl[" + mediaType + ", base64=" + base64 + ", " + payload.length() + " chars]";
  }
}
