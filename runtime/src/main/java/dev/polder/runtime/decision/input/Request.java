package dev.polder.runtime.decision.input;

import java.util.List;
import java.util.Map;

/**
 * What the caller asked for, without its content: the request part of the decision input and a
 * Drools fact. {@code maxTokens} is null when the caller set no limit.
 */
public final class Request {
  private final String id;
  private final String endpoint;
  private final String virtualModel;
  private final boolean stream;
  private final Integer maxTokens;
  private final List<Tool> tools;
  private final List<String> attachmentMediaTypes;
  private final Map<String, String> metadata;

  public Request(
      String id,
      String endpoint,
      String virtualModel,
      boolean stream,
      Integer maxTokens,
      List<Tool> tools,
      List<String> attachmentMediaTypes,
      Map<String, String> metadata) {
    this.id = id == null ? "" : id;
    this.endpoint = Inputs.required(endpoint, "request.endpoint");
    this.virtualModel = virtualModel == null ? "" : virtualModel;
    this.stream = stream;
    this.maxTokens = maxTokens;
    this.tools = List.copyOf(tools == null ? List.of() : tools);
    this.attachmentMediaTypes =
        List.copyOf(attachmentMediaTypes == null ? List.of() : attachmentMediaTypes);
    this.metadata = Map.copyOf(metadata == null ? Map.of() : metadata);
  }

  public String getId() {
    return id;
  }

  public String getEndpoint() {
    return endpoint;
  }

  public String getVirtualModel() {
    return virtualModel;
  }

  public boolean isStream() {
    return stream;
  }

  public Integer getMaxTokens() {
    return maxTokens;
  }

  public List<Tool> getTools() {
    return tools;
  }

  public List<String> getAttachmentMediaTypes() {
    return attachmentMediaTypes;
  }

  /** For rules: whether any attachment has one of the given media types. */
  public boolean hasAttachmentOfType(java.util.Collection<String> mediaTypes) {
    for (String type : attachmentMediaTypes) {
      if (mediaTypes.contains(type)) {
        return true;
      }
    }
    return false;
  }

  public Map<String, String> getMetadata() {
    return metadata;
  }

  public String metadata(String header) {
    return metadata.get(header);
  }
}
