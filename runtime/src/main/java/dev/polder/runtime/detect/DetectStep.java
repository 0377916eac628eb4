package dev.polder.runtime.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.pii.detect.DetectionContext;
import dev.polder.pii.detect.DetectionEngine;
import dev.polder.pii.ner.NerNotReadyException;
import dev.polder.runtime.decision.input.FindingSummary;
import dev.polder.runtime.error.GatewayException;
import dev.polder.runtime.pipeline.GatewayCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Route step {@code detect}: runs the detectors on the request's message texts, tool-call arguments
 * and the attachments the extract step read. Policy gets the summary (exchange property {@link
 * #FINDINGS}: type, count, highest score, where); the spans stay in {@link Detections#PROPERTY} for
 * the redact step and are never policy input. A detector that cannot run (NER still loading) fails
 * the request closed with 503.
 */
@ApplicationScoped
@Named("detect")
public class DetectStep implements Processor {

  /** {@code List<FindingSummary>}, read by the decision points as {@code findings}. */
  public static final String FINDINGS = "polder.findings";

  /** The entity types found, comma-separated, for routes that branch on them without Java. */
  public static final String FINDINGS_HEADER = "PolderFindings";

  private final Detectors detectors;

  DetectStep(Detectors detectors) {
    this.detectors = detectors;
  }

  @Override
  public void process(Exchange exchange) {
    GatewayCall call = GatewayCall.of(exchange);
    ObjectNode request = call.request();
    if (request == null) {
      return;
    }
    List<TextSlot> slots = new ArrayList<>(RequestTexts.of(call.operation(), request));
    Attachments attachments = exchange.getProperty(Attachments.PROPERTY, Attachments.class);
    if (attachments != null) {
      for (Attachments.Read read : attachments.read()) {
        slots.add(attachmentSlot(request, read));
      }
    }
    Detections detections = scan(detectors.engine(), detectors.promptContext(), slots);
    List<FindingSummary> summary = detections.summary();
    exchange.setProperty(Detections.PROPERTY, detections);
    exchange.setProperty(FINDINGS, summary);
    exchange
        .getMessage()
        .setHeader(
            FINDINGS_HEADER,
            summary.stream().map(FindingSummary::getType).collect(Collectors.joining(",")));
  }

  static Detections scan(DetectionEngine engine, DetectionContext ctx, List<TextSlot> slots) {
    List<Detections.Scanned> scanned = new ArrayList<>(slots.size());
    try {
      for (TextSlot slot : slots) {
        scanned.add(new Detections.Scanned(slot, engine.detect(slot.text(), ctx)));
      }
    } catch (NerNotReadyException e) {
      throw new GatewayException(
          503,
          "service_unavailable",
          "detector_not_ready",
          null,
          "The gateway's detectors are not ready yet (" + e.state() + "); retry shortly");
    }
    return new Detections(scanned);
  }

  /**
   * A document cannot be redacted in place: if it must be, its part is replaced by a text part
   * holding the redacted text the gateway extracted from it.
   */
  private static TextSlot attachmentSlot(ObjectNode request, Attachments.Read read) {
    int m = read.at().messageIndex();
    int p = read.at().partIndex();
    String header =
        "[Attachment"
            + (read.at().fileName() == null ? "" : " " + read.at().fileName())
            + " ("
            + read.content().detectedMediaType()
            + "), text extracted and redacted by the gateway]\n";
    return new TextSlot(
        TextSlot.ATTACHMENT,
        read.at().location(),
        read.content().text(),
        text -> {
          JsonNode parts = request.path("messages").path(m).path("content");
          if (parts instanceof ArrayNode array) {
            ObjectNode part = JsonNodeFactory.instance.objectNode();
            part.put("type", "text");
            part.put("text", header + text);
            array.set(p, part);
          }
        });
  }
}
