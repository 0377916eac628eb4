package dev.polder.pii.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the files inside an OpenAI-style request: {@code file} and {@code input_file} content
 * parts, and {@code image_url} parts whose data URL carries a document rather than an image (a PDF
 * sent as an "image" is still a PDF). Looks at {@code messages} (Chat Completions) and {@code
 * input} (Responses API). Only the structure is read here; nothing is decoded.
 */
public final class ChatRequestAttachments {

  private ChatRequestAttachments() {}

  /**
   * The attachments of {@code request} in message and part order.
   *
   * @throws AttachmentRejectedException with {@link RejectionReason#INVALID_ENCODING} when a file
   *     part is malformed (no data and no reference, or a data field that is not a string)
   */
  public static List<RequestAttachment> find(JsonNode request) throws AttachmentRejectedException {
    List<RequestAttachment> out = new ArrayList<>();
    for (String field : new String[] {"messages", "input"}) {
      JsonNode messages = request.path(field);
      if (!messages.isArray()) {
        continue;
      }
      for (int m = 0; m < messages.size(); m++) {
        JsonNode content = messages.get(m).path("content");
        if (!content.isArray()) {
          continue;
        }
        for (int p = 0; p < content.size(); p++) {
          RequestAttachment found = fromPart(content.get(p), m, p);
          if (found != null) {
            out.add(found);
          }
        }
      }
    }
    return out;
  }

  private static RequestAttachment fromPart(JsonNode part, int m, int p)
      throws AttachmentRejectedException {
    String type = part.path("type").asText("");
    return switch (type) {
      case "file" -> filePart(part.path("file"), m, p, RequestAttachment.Kind.FILE);
      case "input_file" -> filePart(part, m, p, RequestAttachment.Kind.INPUT_FILE);
      case "image_url" -> imagePart(part.path("image_url"), m, p);
      default -> null;
    };
  }

  private static RequestAttachment filePart(
      JsonNode file, int m, int p, RequestAttachment.Kind kind) throws AttachmentRejectedException {
    String fileName = text(file, "filename", m, p);
    String fileData = text(file, "file_data", m, p);
    if (fileData != null) {
      DataUrl data = DataUrl.parse(fileData);
      return new RequestAttachment(m, p, kind, data.mediaType(), fileName, data, null);
    }
    String reference = text(file, "file_id", m, p);
    if (reference == null) {
      reference = text(file, "file_url", m, p);
    }
    if (reference == null) {
      throw new AttachmentRejectedException(
          RejectionReason.INVALID_ENCODING,
          "messages["
              + m
              + "].content["
              + p
              + "]: file part without file_data, file_id or file_url");
    }
    return new RequestAttachment(m, p, kind, null, fileName, null, reference);
  }

  private static RequestAttachment imagePart(JsonNode image, int m, int p)
      throws AttachmentRejectedException {
    String url = image.isTextual() ? image.asText() : text(image, "url", m, p);
    if (url == null || !url.regionMatches(true, 0, "data:", 0, 5)) {
      return null; // a remote image URL: nothing inline to read
    }
    DataUrl data = DataUrl.parse(url);
    String mediaType = data.mediaType();
    if (mediaType != null
        && mediaType.toLowerCase(Locale.ROOT).startsWith("image/")
        && !DocumentMagic.startsLikeDocument(data)) {
      return null; // a real image: no text to extract here
    }
    return new RequestAttachment(
        m, p, RequestAttachment.Kind.IMAGE_URL_DOCUMENT, mediaType, null, data, null);
  }

  private static String text(JsonNode node, String field, int m, int p)
      throws AttachmentRejectedException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new AttachmentRejectedException(
          RejectionReason.INVALID_ENCODING,
          "messages[" + m + "].content[" + p + "]." + field + " must be a string");
    }
    return value.asText();
  }
}
