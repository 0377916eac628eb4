package dev.polder.pii.extract;

/**
 * One file found in a chat request, with where it sits so findings and errors can point at it.
 *
 * @param messageIndex index in {@code messages} (or in {@code input} for the Responses API)
 * @param partIndex index in that message's {@code content} array
 * @param kind which kind of content part carried it
 * @param declaredMediaType media type the request declared (data URL header), or null
 * @param fileName file name the request gave, or null
 * @param data the inline data, or null when the part only references a file ({@code file_id} or a
 *     URL), which the gateway cannot scan
 * @param reference the {@code file_id} or URL when there is no inline data, else null
 */
public record RequestAttachment(
    int messageIndex,
    int partIndex,
    Kind kind,
    String declaredMediaType,
    String fileName,
    DataUrl data,
    String reference) {

  public enum Kind {
    /** {@code {"type":"file","file":{"file_data":..., "filename":...}}} */
    FILE,
    /** {@code {"type":"input_file","file_data":..., "filename":...}} */
    INPUT_FILE,
    /** {@code {"type":"image_url","image_url":{"url":"data:application/pdf;base64,..."}}} */
    IMAGE_URL_DOCUMENT
  }

  /** Whether the file's bytes are in the request (otherwise only a reference is). */
  public boolean inline() {
    return data != null;
  }

  /** {@code messages[2].content[1]}: where the attachment sits, for messages and audit. */
  public String location() {
    return "messages[" + messageIndex + "].content[" + partIndex + "]";
  }
}
