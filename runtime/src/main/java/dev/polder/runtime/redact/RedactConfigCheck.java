package dev.polder.runtime.redact;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** What the types of {@link RedactConfig} cannot check; each problem names its key. */
public final class RedactConfigCheck {

  private RedactConfigCheck() {}

  public static List<String> problems(RedactConfig config) {
    List<String> problems = new ArrayList<>();
    config
        .hashKey()
        .map(key -> key.getBytes(StandardCharsets.UTF_8).length)
        .filter(length -> length < 16)
        .ifPresent(
            length ->
                problems.add(
                    "polder.redact.hash-key: must be at least 16 characters, was " + length));
    if (config.pseudonymTtl().isNegative() || config.pseudonymTtl().isZero()) {
      problems.add("polder.redact.pseudonym-ttl: must be positive");
    }
    if (config.streamWindow() < 1) {
      problems.add("polder.redact.stream-window: must be at least 1, was " + config.streamWindow());
    }
    if (config.conversationHeader().isBlank()) {
      problems.add("polder.redact.conversation-header: must not be blank");
    }
    return problems;
  }
}
