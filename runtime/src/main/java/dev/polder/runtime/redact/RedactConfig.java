package dev.polder.runtime.redact;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * How the redact step and the response scan apply the redact decision ({@code polder.redact.*}).
 */
@ConfigMapping(prefix = "polder.redact")
public interface RedactConfig {

  /**
   * Key of the {@code hash} action's HMAC (at least 16 characters). Without it a random key is made
   * at start, so hashes are stable only until a restart and differ between nodes.
   */
  Optional<String> hashKey();

  /** How long a pseudonym and its original are kept in the vault (Infinispan). */
  @WithDefault("1h")
  Duration pseudonymTtl();

  /**
   * Request header naming a conversation: pseudonyms stay the same across its requests. Without it
   * they are consistent within one request. Always scoped to the caller's principal.
   */
  @WithDefault("x-polder-conversation")
  String conversationHeader();

  /** When pseudonyms in the answer are restored for the caller. */
  @WithDefault("obligation")
  Restore restore();

  /** Scan answers with the redact decision (non-streaming and streamed). */
  @WithDefault("true")
  boolean responseScan();

  /**
   * Characters of a streamed answer held back so that an entity split across SSE chunks is seen
   * whole before any of it leaves (costs time to first token; see pii-detectors' README).
   */
  @WithDefault("64")
  int streamWindow();

  enum Restore {
    /** When the access decision carries the obligation {@code restore-pseudonyms}. */
    OBLIGATION,
    ALWAYS,
    NEVER
  }
}
