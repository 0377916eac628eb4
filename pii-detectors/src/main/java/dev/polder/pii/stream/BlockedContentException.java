package dev.polder.pii.stream;

import java.util.Set;

/** A streamed text contains an entity type whose strategy is block: the stream must end. */
public final class BlockedContentException extends RuntimeException {

  private final Set<String> blockedTypes;

  public BlockedContentException(Set<String> blockedTypes) {
    super("stream contains blocked entity types " + blockedTypes);
    this.blockedTypes = Set.copyOf(blockedTypes);
  }

  public Set<String> blockedTypes() {
    return blockedTypes;
  }
}
