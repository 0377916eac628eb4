package dev.polder.pii.redact;

import java.util.Optional;

/**
 * Keeps the originals behind pseudonyms so an answer can be restored for a caller allowed to see
 * them. Pseudonyms are consistent within a conversation: the same value of the same type always
 * gets the same stand-in. Entries expire after a time to live. Implementations are thread-safe; the
 * runtime backs this with a shared Infinispan cache so every gateway node sees the same map.
 */
public interface PseudonymVault {

  /** The pseudonym of {@code original} in this conversation, assigning the next number if new. */
  String pseudonymFor(String conversationId, String entityType, String original);

  /** The original behind a pseudonym such as {@code <PERSON_1>}, if known and not expired. */
  Optional<String> originalOf(String conversationId, String pseudonym);

  /** Forgets a conversation (end of session, erasure request). */
  void forget(String conversationId);

  /** The pseudonym text for the n-th value of a type: {@code <PERSON_1>}. */
  static String format(String entityType, int number) {
    return "<" + entityType + "_" + number + ">";
  }
}
