package dev.polder.pii.redact;

import java.util.List;
import java.util.Set;

/**
 * A redacted text.
 *
 * @param text the text with every finding replaced as its strategy says (entities whose strategy is
 *     block are masked here too, so the text is safe to log even when refused)
 * @param applied one entry per finding, in text order
 * @param blockedTypes entity types whose strategy is block; non-empty means refuse the request
 */
public record RedactionResult(String text, List<Applied> applied, Set<String> blockedTypes) {

  /** What was done to one finding; offsets are in the redacted text. */
  public record Applied(String type, RedactionStrategy strategy, int start, int end) {}

  public RedactionResult {
    applied = List.copyOf(applied);
    blockedTypes = Set.copyOf(blockedTypes);
  }

  public boolean blocked() {
    return !blockedTypes.isEmpty();
  }
}
