package dev.polder.pii.redact;

import dev.polder.pii.detect.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Applies a {@link RedactionPolicy} to the findings of a text. Thread-safe. */
public final class Redactor {

  private final RedactionPolicy policy;
  private final HmacHasher hasher;
  private final PseudonymVault vault;

  public Redactor(RedactionPolicy policy, HmacHasher hasher, PseudonymVault vault) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.vault = Objects.requireNonNull(vault, "vault");
  }

  public RedactionPolicy policy() {
    return policy;
  }

  /**
   * Redacts {@code text}. {@code findings} must not overlap (as {@code DetectionEngine.detect}
   * returns them); {@code conversationId} scopes pseudonyms.
   */
  public RedactionResult redact(String text, List<Finding> findings, String conversationId) {
    List<Finding> ordered = new ArrayList<>(findings);
    ordered.sort(Comparator.comparingInt(Finding::start));
    StringBuilder out = new StringBuilder(text.length() + 16 * ordered.size());
    List<RedactionResult.Applied> applied = new ArrayList<>(ordered.size());
    Set<String> blocked = new LinkedHashSet<>();
    int copied = 0;
    for (Finding f : ordered) {
      if (f.start() < copied) {
        throw new IllegalArgumentException(
            "findings overlap at offset " + f.start() + "; resolve overlaps before redacting");
      }
      if (f.end() > text.length()) {
        throw new IllegalArgumentException(
            "finding ["
                + f.start()
                + ", "
                + f.end()
                + ") lies outside the text of length "
                + text.length());
      }
      out.append(text, copied, f.start());
      RedactionStrategy strategy = policy.strategyFor(f.type());
      String original = text.substring(f.start(), f.end());
      int replacementStart = out.length();
      switch (strategy) {
        case KEEP -> out.append(original);
        case MASK -> out.append('[').append(f.type()).append(']');
        case HASH -> out.append(hasher.token(f.type(), original));
        case PSEUDONYMIZE -> out.append(vault.pseudonymFor(conversationId, f.type(), original));
        case BLOCK -> {
          blocked.add(f.type());
          out.append('[').append(f.type()).append(']');
        }
        default -> throw new IllegalStateException("unhandled strategy " + strategy);
      }
      applied.add(new RedactionResult.Applied(f.type(), strategy, replacementStart, out.length()));
      copied = f.end();
    }
    out.append(text, copied, text.length());
    return new RedactionResult(out.toString(), applied, blocked);
  }
}
