package dev.polder.runtime.detect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.pii.extract.AttachmentExtractor;
import dev.polder.pii.extract.AttachmentRejectedException;
import dev.polder.pii.extract.ChatRequestAttachments;
import dev.polder.pii.extract.ExtractedAttachment;
import dev.polder.pii.extract.RequestAttachment;
import dev.polder.runtime.error.GatewayException;
import dev.polder.runtime.pipeline.GatewayCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.jboss.logging.Logger;

/**
 * Route step {@code extract}: reads the files inside a request ({@code file}/{@code input_file}
 * parts, base64 data URLs, documents sent as {@code image_url}) with Tika under the configured
 * limits. The media type detected from the bytes goes to policy as {@code
 * polder.attachment-media-types}; the text goes to the detect step. A file over a limit, encrypted
 * or unreadable is refused (413, 422; 400 for a broken data URL) in OpenAI's error shape.
 */
@ApplicationScoped
@Named("extract")
public class ExtractStep implements Processor {

  /** Read by the decision points as {@code request.attachment_media_types}. */
  public static final String MEDIA_TYPES = "polder.attachment-media-types";

  private static final Logger LOG = Logger.getLogger(ExtractStep.class);

  /** What Tika calls bytes it does not recognise. */
  static final String UNSCANNABLE = "application/octet-stream";

  private final Detectors detectors;

  ExtractStep(Detectors detectors) {
    this.detectors = detectors;
  }

  @Override
  public void process(Exchange exchange) {
    GatewayCall call = GatewayCall.of(exchange);
    ObjectNode request = call.request();
    if (request == null) {
      return;
    }
    AttachmentExtractor extractor = detectors.extractor();
    List<Attachments.Read> read = new ArrayList<>();
    RequestAttachment current = null;
    try {
      for (RequestAttachment attachment : ChatRequestAttachments.find(request)) {
        current = attachment;
        if (!attachment.inline()) {
          // A file_id or URL: the bytes are not in the request, so there is nothing to scan here.
          LOG.debugf(
              "Request %s: %s references a file, not scanned",
              call.requestId(), attachment.location());
          continue;
        }
        byte[] bytes = attachment.data().decode(extractor.limits().maxDecodedBytes());
        ExtractedAttachment content =
            extractor.extract(bytes, attachment.declaredMediaType(), attachment.fileName());
        if (UNSCANNABLE.equals(content.detectedMediaType())) {
          // Bytes of no known type cannot be scanned, so they cannot be let through unseen.
          throw new GatewayException(
              415,
              "invalid_request_error",
              "attachment_unsupported_media_type",
              attachment.location(),
              "The attachment is of no type this gateway can read, so it cannot be scanned ("
                  + attachment.location()
                  + ")");
        }
        read.add(new Attachments.Read(attachment, content));
      }
    } catch (AttachmentRejectedException e) {
      String location = current == null ? null : current.location();
      LOG.infof(
          "Request %s: attachment %s refused: %s", call.requestId(), location, e.getMessage());
      throw refusal(e, location);
    }
    Attachments attachments = new Attachments(read);
    exchange.setProperty(Attachments.PROPERTY, attachments);
    exchange.setProperty(MEDIA_TYPES, attachments.mediaTypes());
  }

  static GatewayException refusal(AttachmentRejectedException e, String location) {
    int status = e.httpStatus();
    return new GatewayException(
        status,
        status >= 500 ? "service_unavailable" : "invalid_request_error",
        "attachment_" + e.reason().code(),
        location,
        e.userMessage() + (location == null ? "" : " (" + location + ")"));
  }
}
