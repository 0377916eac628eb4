package dev.polder.runtime.detect;

import dev.polder.pii.extract.ExtractedAttachment;
import dev.polder.pii.extract.RequestAttachment;
import java.util.List;

/**
 * The attachments the extract step read: where each sits in the request and its text. Rides in the
 * exchange property {@link #PROPERTY} to the detect step.
 */
public record Attachments(List<Read> read) {

  public static final String PROPERTY = "polder.attachments";

  /** One attachment read from the request. */
  public record Read(RequestAttachment at, ExtractedAttachment content) {}

  public Attachments {
    read = List.copyOf(read);
  }

  /** The detected (not declared) media types, each once, in request order. */
  public List<String> mediaTypes() {
    return read.stream().map(r -> r.content().detectedMediaType()).distinct().toList();
  }
}
